package org.samadhan.portal.browser;

/** Where the running system is (deploy/local/run.sh up), overridable with system properties. */
final class LocalSystem {

    static final String PORTAL = java.lang.System.getProperty("portal.url", "http://localhost:8087");
    static final String SANDBOX = java.lang.System.getProperty("sandbox.url", "http://localhost:8089");
    static final String PASSWORD = java.lang.System.getenv().getOrDefault("LOCAL_OFFICIAL_PASSWORD", "local-password");

    private LocalSystem() {
    }
}
