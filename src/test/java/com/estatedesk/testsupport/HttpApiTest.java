package com.estatedesk.testsupport;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the black-box tests: the packaged WAR runs in a fresh Payara Micro, and the test talks to
 * it over HTTP like any client (subclasses are {@code @RunAsClient}).
 */
@ExtendWith(ArquillianExtension.class)
public abstract class HttpApiTest {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Deployments.packagedWar();
    }

    @ArquillianResource
    protected URL deployment;

    protected Api api;
    protected Fixtures fixtures;

    @BeforeEach
    void connect() {
        api = new Api(deployment);
        fixtures = new Fixtures(api);
    }
}
