package com.estatedesk.testsupport;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR exactly as the build packaged it: the tests run against what ships. */
public final class Deployments {

    private Deployments() {}

    public static WebArchive packagedWar() {
        File war = new File(System.getProperty("estatedesk.war", "target/estatedesk.war"));
        if (!war.isFile()) {
            throw new IllegalStateException(war + " is missing: run the tests with 'mvn verify'");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }
}
