package org.samadhan.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.samadhan.gateway.config.GatewayConfig;

/** Which district (tenant) a webhook belongs to, from the business phone number that received it. */
@ApplicationScoped
public class DistrictDirectory {

    private final Map<String, String> byPhoneNumberId;
    private final String defaultDistrict;

    @Inject
    public DistrictDirectory(GatewayConfig config) {
        this(config.districts(), config.defaultDistrict());
    }

    public DistrictDirectory(Map<String, String> byPhoneNumberId, String defaultDistrict) {
        this.byPhoneNumberId = Map.copyOf(byPhoneNumberId);
        this.defaultDistrict = defaultDistrict;
    }

    public String districtOf(String phoneNumberId) {
        return byPhoneNumberId.getOrDefault(phoneNumberId, defaultDistrict);
    }
}
