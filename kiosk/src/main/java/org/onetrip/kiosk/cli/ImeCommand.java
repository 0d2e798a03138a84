package org.onetrip.kiosk.cli;

import picocli.CommandLine.Command;

/** {@code kiosk ime}: the input methods, checked without a screen. */
@Command(name = "ime", description = "Check the Chinese input methods without a screen.",
        subcommands = {ImeHandwritingCommand.class})
public final class ImeCommand {
}
