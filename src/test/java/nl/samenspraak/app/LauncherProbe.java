package nl.samenspraak.app;

import java.lang.management.ManagementFactory;

/**
 * Stands in for the app's jar in {@link LauncherScriptTest}: prints the JVM options and the arguments it was
 * started with, one a line, and exits with the code its first argument asks for ("exit=N").
 */
public final class LauncherProbe {
    private LauncherProbe() {}

    public static void main(String[] args) {
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) System.out.println("jvm " + option);
        for (String arg : args) System.out.println("arg " + arg);
        if (args.length > 0 && args[0].startsWith("exit=")) System.exit(Integer.parseInt(args[0].substring(5)));
    }
}
