package org.cstopo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A run builds only the subcommand it names (Main.COMMANDS): the name under which it is registered
 * must be the one its annotation gives, and anything that lists or suggests commands must still
 * see all of them.
 */
class LazySubcommandsTest {
    private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());

    @Test
    void everyRegisteredNameIsTheCommandsOwnName() {
        CommandLine all = Main.commandLine(NOWHERE, NOWHERE);
        assertEquals(new ArrayList<>(Main.COMMANDS.keySet()), new ArrayList<>(all.getSubcommands().keySet()));
        all.getSubcommands().forEach((name, sub) -> {
            assertEquals(name, sub.getCommandSpec().name());
            assertSame(Main.COMMANDS.get(name), sub.getCommandSpec().userObject().getClass());
        });
    }

    @Test
    void aNamedCommandIsTheOnlyOneBuilt() {
        for (String name : Main.COMMANDS.keySet()) {
            if (name.equals("help")) {
                continue;
            }
            CommandLine one = Main.commandLine(NOWHERE, NOWHERE, new String[] {"--debug", name, "x.xml", "-h"});
            assertEquals(Set.of(name), one.getSubcommands().keySet(), name);
        }
    }

    @Test
    void helpUnknownNamesAndNoCommandSeeEveryCommand() {
        for (List<String> args : List.of(List.of("help", "apply"), List.of("aply", "x.xml"), List.of("--help"), List.<String>of(),
                List.of("--", "apply"), List.of("Apply"))) {
            CommandLine cmd = Main.commandLine(NOWHERE, NOWHERE, args.toArray(new String[0]));
            assertEquals(Main.COMMANDS.keySet(), cmd.getSubcommands().keySet(), args.toString());
        }
    }

    @Test
    void rootOptionsAloneNeedNoSubcommand() {
        assertEquals(Set.of(), Main.commandLine(NOWHERE, NOWHERE, new String[] {"--version"}).getSubcommands().keySet());
        assertEquals(Set.of(), Main.commandLine(NOWHERE, NOWHERE, new String[] {"--debug", "-V"}).getSubcommands().keySet());
        assertEquals(Main.COMMANDS.keySet(), Main.commandLine(NOWHERE, NOWHERE, new String[] {"--debug", "--HEL"}).getSubcommands().keySet());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        assertEquals(0, Main.run(new String[] {"--version"}, new PrintStream(out), NOWHERE));
        org.junit.jupiter.api.Assertions.assertTrue(out.toString(java.nio.charset.StandardCharsets.UTF_8).startsWith("cstopo "));
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        assertEquals(2, Main.run(new String[] {"--debug"}, NOWHERE, new PrintStream(err)));
        org.junit.jupiter.api.Assertions.assertTrue(err.toString(java.nio.charset.StandardCharsets.UTF_8).contains("a command is required"),
                err.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void aMistypedCommandIsStillSuggestedFromTheWholeList() {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code = Main.run(new String[] {"valdate", "x.xml"}, NOWHERE, new PrintStream(err));
        assertEquals(2, code);
        String text = err.toString(java.nio.charset.StandardCharsets.UTF_8);
        org.junit.jupiter.api.Assertions.assertTrue(text.contains("validate"), text);
    }
}
