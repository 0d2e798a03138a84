package org.onetrip.backoffice;

/** Entry point of {@code scripts/backoffice}; see {@link BackOfficeCommand}. */
public final class BackOfficeMain {
    private BackOfficeMain() {
    }

    public static void main(String[] args) {
        // The kiosk's jar (a dependency) brings its own logging set-up (LogSetup), which logs to the kiosk's data
        // folder unless a file is named; the back office names its own before the first logger is made.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-backoffice.xml");
        }
        System.exit(BackOfficeCommand.run(args));
    }
}
