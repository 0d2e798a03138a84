package org.onetrip.backoffice;

/** Entry point of {@code scripts/backoffice}; see {@link BackOfficeCommand}. */
public final class BackOfficeMain {
    private BackOfficeMain() {
    }

    public static void main(String[] args) {
        System.exit(BackOfficeCommand.run(args));
    }
}
