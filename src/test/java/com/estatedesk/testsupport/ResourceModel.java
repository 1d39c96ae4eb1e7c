package com.estatedesk.testsupport;

import com.estatedesk.security.Access;
import com.estatedesk.security.Role;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The REST endpoints the WAR deploys, read from its classes the way JAX-RS reads them: every
 * concrete {@code @Path} class and its resource methods (inherited ones included). Tests built on it
 * cover a new endpoint without being edited.
 */
public final class ResourceModel {

    public record Endpoint(
            String httpMethod, String template, Set<String> roles, boolean permitAll, Class<?> bodyType) {
        public boolean hasPathIds() {
            return template.contains("{");
        }

        @Override
        public String toString() {
            return httpMethod + " " + template;
        }
    }

    private ResourceModel() {}

    public static List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Class<?> type : resourceClasses()) {
            String base =
                    "/" + type.getAnnotation(jakarta.ws.rs.Path.class).value().replaceAll("^/|/$", "");
            for (Method method : type.getMethods()) {
                String httpMethod = httpMethod(method);
                if (httpMethod == null) {
                    continue;
                }
                jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
                String template = sub == null ? base : base + "/" + sub.value().replaceAll("^/|/$", "");
                Access access = Access.of(type, method);
                Set<String> roles = access.anyone()
                        ? Set.of()
                        : access.roles().stream().map(Role::name).collect(Collectors.toUnmodifiableSet());
                endpoints.add(new Endpoint(httpMethod, template, roles, access.anyone(), bodyType(method)));
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::template).thenComparing(Endpoint::httpMethod));
        return endpoints;
    }

    /** The entity parameter: the one without a JAX-RS parameter annotation. */
    private static Class<?> bodyType(Method method) {
        for (Parameter parameter : method.getParameters()) {
            boolean bound = Arrays.stream(parameter.getAnnotations())
                    .anyMatch(annotation -> annotation
                                    .annotationType()
                                    .getPackageName()
                                    .equals("jakarta.ws.rs")
                            || annotation.annotationType().getPackageName().equals("jakarta.ws.rs.core"));
            if (!bound) {
                return parameter.getType();
            }
        }
        return null;
    }

    private static String httpMethod(Method method) {
        if (method.isAnnotationPresent(GET.class)) {
            return "GET";
        }
        if (method.isAnnotationPresent(POST.class)) {
            return "POST";
        }
        if (method.isAnnotationPresent(PATCH.class)) {
            return "PATCH";
        }
        if (method.isAnnotationPresent(PUT.class)) {
            return "PUT";
        }
        if (method.isAnnotationPresent(DELETE.class)) {
            return "DELETE";
        }
        return null;
    }

    private static List<Class<?>> resourceClasses() {
        return CompiledClasses.all().stream()
                .filter(type ->
                        type.isAnnotationPresent(jakarta.ws.rs.Path.class) && !Modifier.isAbstract(type.getModifiers()))
                .toList();
    }
}
