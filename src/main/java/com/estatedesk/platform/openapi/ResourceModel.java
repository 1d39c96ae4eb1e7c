package com.estatedesk.platform.openapi;

import com.estatedesk.infra.identity.Role;
import com.estatedesk.platform.security.Access;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The REST endpoints of a set of classes, read the way JAX-RS reads them: every concrete {@code @Path}
 * class and its resource methods (inherited ones included), with the roles that may call each. One
 * model for the published document ({@link ApiDocument}) and for the tests that cover every endpoint.
 */
public final class ResourceModel {

    /** One resource method; {@code template} is relative to /api/v1, e.g. {@code /clients/{id}}. */
    public record Endpoint(Class<?> resource, Method method, String httpMethod, String template, Access access) {

        public boolean permitAll() {
            return access.anyone();
        }

        /** The role names allowed, empty when anyone may call. */
        public Set<String> roles() {
            return access.anyone()
                    ? Set.of()
                    : access.roles().stream().map(Role::name).collect(Collectors.toUnmodifiableSet());
        }

        public boolean hasPathIds() {
            return template.contains("{");
        }

        /** The entity parameter: the one without a JAX-RS parameter annotation; null when there is none. */
        public Class<?> bodyType() {
            Parameter body = bodyParameter(method);
            return body == null ? null : body.getType();
        }

        @Override
        public String toString() {
            return httpMethod + " " + template;
        }
    }

    private ResourceModel() {}

    public static List<Endpoint> endpoints(Collection<Class<?>> classes) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Class<?> type : classes) {
            if (!type.isAnnotationPresent(Path.class) || Modifier.isAbstract(type.getModifiers())) {
                continue;
            }
            String base = "/" + type.getAnnotation(Path.class).value().replaceAll("^/|/$", "");
            for (Method method : type.getMethods()) {
                String httpMethod = httpMethod(method);
                if (httpMethod == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String template = sub == null ? base : base + "/" + sub.value().replaceAll("^/|/$", "");
                endpoints.add(new Endpoint(type, method, httpMethod, template, Access.of(type, method)));
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::template).thenComparing(Endpoint::httpMethod));
        return endpoints;
    }

    /** The entity parameter of a resource method: the one without a JAX-RS parameter annotation. */
    public static Parameter bodyParameter(Method method) {
        for (Parameter parameter : method.getParameters()) {
            boolean bound = Arrays.stream(parameter.getAnnotations())
                    .anyMatch(annotation ->
                            annotation.annotationType().getPackageName().startsWith("jakarta.ws.rs"));
            if (!bound) {
                return parameter;
            }
        }
        return null;
    }

    private static String httpMethod(Method method) {
        for (var verb : List.of(GET.class, POST.class, PATCH.class, PUT.class, DELETE.class)) {
            if (method.isAnnotationPresent(verb)) {
                return verb.getSimpleName();
            }
        }
        return null;
    }
}
