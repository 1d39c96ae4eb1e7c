package com.estatedesk.testsupport;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
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

    /**
     * The packaged WAR under another name and context root, for the in-container tests: on WildFly it is
     * deployed to the suite's running server, where estatedesk.war already holds the root.
     */
    public static WebArchive inContainerWar() {
        WebArchive packaged = packagedWar();
        WebArchive war = ShrinkWrap.create(WebArchive.class, "in-container.war").merge(packaged);
        war.delete("WEB-INF/jboss-web.xml");
        war.addAsWebInfResource(
                new StringAsset(readJbossWeb(packaged)
                        .replace("<context-root>/</context-root>", "<context-root>/in-container</context-root>")),
                "jboss-web.xml");
        return war;
    }

    private static String readJbossWeb(WebArchive war) {
        try (var in = war.get("WEB-INF/jboss-web.xml").getAsset().openStream()) {
            String xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!xml.contains("<context-root>/</context-root>")) {
                throw new IllegalStateException("jboss-web.xml no longer sets the context root /: " + xml);
            }
            return xml;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
