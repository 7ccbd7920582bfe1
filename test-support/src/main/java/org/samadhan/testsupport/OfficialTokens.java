package org.samadhan.testsupport;

import io.smallrye.jwt.build.Jwt;
import java.util.Set;

/**
 * Officials' bearer tokens as Keycloak issues them for the portal (realm role, the official's department and block
 * claims, the service as audience), signed with {@code privateKey.jwk}: the key whose public half
 * quarkus-test-oidc-server's {@code OidcWiremockTestResource} serves, so a module using this needs that on its test
 * classpath.
 */
public final class OfficialTokens {

    private OfficialTokens() {
    }

    /** A token for {@code audience}; {@code department} and {@code block} are left out when null. */
    public static String token(String audience, String user, String role, String department, String block) {
        var claims = Jwt.preferredUserName(user).subject(user).groups(Set.of(role))
                .issuer("https://server.example.com").audience(audience);
        if (department != null) {
            claims.claim("department", department);
        }
        if (block != null) {
            claims.claim("block", block);
        }
        return claims.jws().keyId("1").sign("privateKey.jwk");
    }
}
