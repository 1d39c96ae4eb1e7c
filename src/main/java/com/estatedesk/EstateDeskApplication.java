package com.estatedesk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API, version 1. Resources and providers are discovered by the container. */
@ApplicationPath("/api/v1")
@ApplicationScoped
public class EstateDeskApplication extends Application {}
