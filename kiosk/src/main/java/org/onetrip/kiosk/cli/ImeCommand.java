package org.onetrip.kiosk.cli;

import picocli.CommandLine.Command;

/**
 * {@code kiosk ime}: the kiosk's Chinese input methods, checked without a screen. Each method is a
 * subcommand in its own file ({@code ime pinyin}, …).
 */
@Command(name = "ime", description = "Chinese input methods without a screen: see the subcommands.",
        subcommands = {ImePinyinCommand.class, ImePrepareCommand.class, ImeHandwritingCommand.class})
public final class ImeCommand implements java.util.concurrent.Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(System.err);
        return 2;
    }
}
