package com.estatedesk.infra.lifecycle;

/**
 * The one class that names sun.misc.Signal (module jdk.unsupported): loaded only when {@link Draining}
 * installs it, so that a server without that module still deploys the application (and stops at once).
 */
final class SigtermHandler {

    private SigtermHandler() {}

    static void install(Runnable onSigterm) {
        sun.misc.Signal.handle(new sun.misc.Signal("TERM"), signal -> onSigterm.run());
    }
}
