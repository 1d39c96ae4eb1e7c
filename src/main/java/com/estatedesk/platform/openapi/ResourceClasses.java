package com.estatedesk.platform.openapi;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the WAR's REST resources while CDI scans the deployment, on Payara and on WildFly alike, so that
 * the published document lists every endpoint without a hand-kept list: a new resource is documented
 * by existing. Registered in META-INF/services.
 */
public class ResourceClasses implements Extension {

    private static final Set<Class<?>> FOUND = ConcurrentHashMap.newKeySet();

    void found(@Observes @WithAnnotations(Path.class) ProcessAnnotatedType<?> type) {
        Class<?> resource = type.getAnnotatedType().getJavaClass();
        if (resource.isAnnotationPresent(Path.class)) {
            FOUND.add(resource);
        }
    }

    static List<Class<?>> all() {
        return List.copyOf(FOUND);
    }
}
