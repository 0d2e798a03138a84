package org.onetrip.kiosk.ui;

import java.net.URL;

/** Finds bundled resources and fails loudly when one is missing from the build. */
public final class Resources {
    private Resources() {
    }

    public static String url(String path) {
        URL u = Resources.class.getResource(path);
        if (u == null) {
            throw new IllegalStateException("resource " + path + " is missing from the build");
        }
        return u.toExternalForm();
    }
}
