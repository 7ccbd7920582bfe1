package org.samadhan.chatbot.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.samadhan.contracts.grievance.GrievanceCommand;
import org.samadhan.contracts.whatsapp.MessagingPreference;
import org.samadhan.contracts.whatsapp.OutboundMessage;

/**
 * What one citizen message (or one timer) leads to: the replies to send and the commands to issue, in order, and the
 * citizen's opt-out or opt-in when their words said one.
 */
public final class Turn {

    private final List<OutboundMessage.Content> replies = new ArrayList<>();
    private final List<GrievanceCommand> commands = new ArrayList<>();

    private MessagingPreference.Choice preference;

    void preference(MessagingPreference.Choice choice) {
        this.preference = choice;
    }

    void reply(OutboundMessage.Content content) {
        replies.add(content);
    }

    void command(GrievanceCommand command) {
        commands.add(command);
    }

    public List<OutboundMessage.Content> replies() {
        return List.copyOf(replies);
    }

    public List<GrievanceCommand> commands() {
        return List.copyOf(commands);
    }

    /** The opt-out / opt-in the citizen's words said, if they said one. */
    public Optional<MessagingPreference.Choice> preference() {
        return Optional.ofNullable(preference);
    }
}
