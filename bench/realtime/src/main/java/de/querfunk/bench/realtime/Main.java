package de.querfunk.bench.realtime;

/**
 * The real-time delivery benchmark's driver. Commands:
 * <ul>
 * <li>{@code setup-querfunk --base URL --setup-token T --users N --layout SIZE:PEOPLE,... --out DIR}</li>
 * <li>{@code setup-xmpp --api URL --users N --layout SIZE:PEOPLE,... --out DIR}</li>
 * <li>{@code run --protocol querfunk|xmpp --url WS-URL --data DIR --clients N --room-size S --rates R[,R...] ...}</li>
 * <li>{@code report --results FILE --machine FILE [--jfr FILE] --doc docs/benchmarks.md --svg FILE}</li>
 * </ul>
 * bench/realtime/run.sh drives all of them.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] argv) throws Exception {
        if (argv.length == 0) {
            System.err.println("commands: setup-querfunk, setup-xmpp, run, report");
            System.exit(2);
        }
        Args args = new Args(argv, 1);
        switch (argv[0]) {
            case "setup-querfunk" -> QuerfunkSetup.run(args);
            case "setup-xmpp" -> XmppSetup.run(args);
            case "run" -> new LoadRun(args).run();
            case "report" -> Report.run(args);
            default -> {
                System.err.println("unknown command " + argv[0]);
                System.exit(2);
            }
        }
        System.exit(0);
    }
}
