package com.estatedesk.testsupport;

import java.net.URL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the black-box tests: the packaged WAR runs on a real server, started once for the whole run
 * ({@link ServiceUnderTest}), and the test talks to it over HTTP like any client.
 */
@ExtendWith(ServiceUnderTest.class)
public abstract class HttpApiTest {

    protected URL deployment;

    protected Api api;
    protected Fixtures fixtures;

    @BeforeEach
    void connect() {
        deployment = ServiceUnderTest.url();
        api = new Api(deployment);
        fixtures = new Fixtures(api);
    }
}
