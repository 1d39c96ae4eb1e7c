package com.estatedesk.platform.openapi;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * The OpenAPI document at /openapi, built from the resource classes themselves: every resource method
 * with its roles, parameters, request and response schemas (from the record types) and the problem
 * answers it can give. Built by reflection rather than by the server's annotation scanner, which
 * fails on Bean Validation annotations of records. The resources are those CDI found in the WAR
 * ({@link ResourceClasses}): a new one is documented by existing; ApiContractIT checks that none is missing.
 */
public class ApiDocument implements OASModelReader {

    private static final String PROBLEM = "#/components/schemas/Problem";

    /** Example values by property name, shown in the request and response schemas. */
    private static final Map<String, Object> EXAMPLES = Map.ofEntries(
            Map.entry("name", "Musa Bello"),
            Map.entry("email", "musa@lamba.example"),
            Map.entry("phone", "+234 803 000 0001"),
            Map.entry("password", "a-long-secret"),
            Map.entry("uid", "LPL-MKT001"),
            Map.entry("number", 1),
            Map.entry("prefix", "LPL"),
            Map.entry("slug", "lamba-property-limited"),
            Map.entry("company", "lamba-property-limited"),
            Map.entry("location", "Lekki, Lagos"),
            Map.entry("size", "500 sqm"),
            Map.entry("totalUnits", 20),
            Map.entry("body", "Is plot A-12 still available?"),
            Map.entry("accessToken", "eyJraWQiOi..."),
            Map.entry("tokenType", "Bearer"),
            Map.entry("expiresIn", 3600));

    @Override
    public OpenAPI buildModel() {
        Map<String, Schema> schemas = new TreeMap<>();
        schemas.put("Problem", problemSchema());
        Map<String, PathItem> paths = new TreeMap<>();
        for (ResourceModel.Endpoint endpoint : ResourceModel.endpoints(ResourceClasses.all())) {
            String path = "/api/v1" + endpoint.template();
            String verb = endpoint.httpMethod();
            Method method = endpoint.method();
            PathItem item = paths.computeIfAbsent(path, p -> OASFactory.createPathItem());
            Operation existing = item.getOperations().get(PathItem.HttpMethod.valueOf(verb));
            Produces produces = method.getAnnotation(Produces.class);
            if (existing != null && produces != null) {
                // Another representation of the same resource (e.g. text/csv next to JSON).
                existing.getResponses()
                        .getAPIResponse("200")
                        .getContent()
                        .addMediaType(
                                produces.value()[0].replaceAll(";.*", ""),
                                OASFactory.createMediaType().schema(schemaOf(Schema.SchemaType.STRING)));
            } else {
                item.setOperation(PathItem.HttpMethod.valueOf(verb), operation(endpoint, schemas));
            }
        }
        return OASFactory.createOpenAPI()
                .openapi("3.0.3")
                .info(OASFactory.createInfo()
                        .title("EstateDesk API")
                        .version("v1")
                        .description("Multi-tenant backend for real-estate companies. The company an endpoint acts on"
                                + " is always the bearer token's; another company's id answers exactly like a missing one."
                                + " Errors are application/problem+json (RFC 9457)."))
                .paths(pathsOf(paths))
                .components(OASFactory.createComponents()
                        .schemas(schemas)
                        .securitySchemes(Map.of(
                                "bearer",
                                OASFactory.createSecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT"))));
    }

    private static org.eclipse.microprofile.openapi.models.Paths pathsOf(Map<String, PathItem> items) {
        org.eclipse.microprofile.openapi.models.Paths paths = OASFactory.createPaths();
        items.forEach(paths::addPathItem);
        return paths;
    }

    private static Operation operation(ResourceModel.Endpoint endpoint, Map<String, Schema> schemas) {
        Class<?> resource = endpoint.resource();
        Method method = endpoint.method();
        String verb = endpoint.httpMethod();
        boolean open = endpoint.permitAll();
        List<String> allowed = endpoint.roles().stream().sorted().toList();
        Operation operation = OASFactory.createOperation()
                .operationId(resource.getSimpleName().replace("Resource", "") + "_" + method.getName())
                .summary(verb + " by " + (open ? "anyone" : String.join(", ", allowed)))
                .addExtension("x-roles", allowed);
        // Open operations say so with the empty requirement (security: [{}], "no token needed"): the
        // servers drop an empty list (security: []) when serialising. The others need the bearer token.
        operation.setSecurity(List.of(
                open
                        ? OASFactory.createSecurityRequirement()
                        : OASFactory.createSecurityRequirement().addScheme("bearer")));
        for (java.lang.reflect.Parameter parameter : method.getParameters()) {
            PathParam pathParam = parameter.getAnnotation(PathParam.class);
            QueryParam queryParam = parameter.getAnnotation(QueryParam.class);
            if (pathParam != null || queryParam != null) {
                operation.addParameter(OASFactory.createParameter()
                        .name(pathParam != null ? pathParam.value() : queryParam.value())
                        .in(pathParam != null ? Parameter.In.PATH : Parameter.In.QUERY)
                        .required(pathParam != null)
                        .schema(schemaOf(Schema.SchemaType.STRING)));
            } else if (Arrays.stream(parameter.getAnnotations())
                    .noneMatch(a -> a.annotationType().getPackageName().startsWith("jakarta.ws.rs"))) {
                operation.requestBody(OASFactory.createRequestBody()
                        .required(true)
                        .content(OASFactory.createContent()
                                .addMediaType(
                                        "application/json",
                                        OASFactory.createMediaType()
                                                .schema(schemaOf(parameter.getParameterizedType(), schemas)))));
            }
        }
        APIResponses responses = OASFactory.createAPIResponses();
        org.eclipse.microprofile.openapi.annotations.responses.APIResponse declaredStatus =
                method.getAnnotation(org.eclipse.microprofile.openapi.annotations.responses.APIResponse.class);
        String success = declaredStatus != null
                ? declaredStatus.responseCode()
                : verb.equals("POST") && method.getReturnType().getSimpleName().equals("Response")
                        ? "201"
                        : verb.equals("DELETE") ? "204" : "200";
        var ok = OASFactory.createAPIResponse()
                .description(
                        success.equals("201")
                                ? "Created (Location header)"
                                : success.equals("204") ? "Done, no content" : "OK");
        APIResponseSchema declared = method.getAnnotation(APIResponseSchema.class);
        Type body = declared != null
                ? declared.value()
                : method.getReturnType().getSimpleName().equals("Response") ? null : method.getGenericReturnType();
        if (body != null && !success.equals("204")) {
            ok.content(OASFactory.createContent()
                    .addMediaType(
                            "application/json", OASFactory.createMediaType().schema(schemaOf(body, schemas))));
        }
        responses.addAPIResponse(success, ok);
        Map<String, String> problems = new TreeMap<>(Map.of(
                "400",
                "Invalid input",
                "401",
                "Missing or bad token",
                "403",
                "Role not allowed",
                "404",
                "No such id in the caller's company",
                "415",
                "Not JSON",
                "413",
                "Body over 1 MiB",
                "503",
                "Busy (lock timeout, database unavailable); see Retry-After"));
        if (method.isAnnotationPresent(com.estatedesk.platform.security.Throttled.class)) {
            problems.put("429", "Too many failed logins for this email in 15 minutes; see Retry-After");
        }
        if (verb.equals("POST") || verb.equals("PATCH")) {
            problems.put("409", "Conflict (duplicate, no units left, already allocated)");
            problems.put("422", "A referenced id does not exist in the caller's company");
        }
        problems.forEach((status, description) -> responses.addAPIResponse(
                status,
                OASFactory.createAPIResponse()
                        .description(description)
                        .content(OASFactory.createContent()
                                .addMediaType(
                                        "application/problem+json",
                                        OASFactory.createMediaType()
                                                .schema(OASFactory.createSchema()
                                                        .ref(PROBLEM))))));
        return operation.responses(responses);
    }

    /** JSON schema of a Java type: records become named object schemas with their components. */
    private static Schema schemaOf(Type type, Map<String, Schema> schemas) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            if (raw == java.util.Optional.class) {
                // PATCH fields: optional to send; Optional<Optional<T>> may also be null (to clear it).
                return schemaOf(parameterized.getActualTypeArguments()[0], schemas);
            }
            if (Collection.class.isAssignableFrom(raw)) {
                return schemaOf(Schema.SchemaType.ARRAY)
                        .items(schemaOf(parameterized.getActualTypeArguments()[0], schemas));
            }
            if (raw.isRecord() && raw.getSimpleName().equals("Page")) {
                return schemaOf(Schema.SchemaType.OBJECT)
                        .addProperty(
                                "items",
                                schemaOf(Schema.SchemaType.ARRAY)
                                        .items(schemaOf(parameterized.getActualTypeArguments()[0], schemas)))
                        .addProperty(
                                "next",
                                schemaOf(Schema.SchemaType.STRING)
                                        // No nullable(true): MicroProfile OpenAPI 4 (WildFly) dropped it.
                                        .description("Opaque cursor of the next page; null on the last page"));
            }
            return schemaOf(raw, schemas);
        }
        Class<?> cls = (Class<?>) type;
        if (cls == String.class) {
            return schemaOf(Schema.SchemaType.STRING);
        }
        if (cls == long.class || cls == Long.class || cls == int.class || cls == Integer.class) {
            return schemaOf(Schema.SchemaType.INTEGER)
                    .format(cls == int.class || cls == Integer.class ? "int32" : "int64");
        }
        if (cls == boolean.class || cls == Boolean.class) {
            return schemaOf(Schema.SchemaType.BOOLEAN);
        }
        if (cls == BigDecimal.class) {
            return schemaOf(Schema.SchemaType.NUMBER);
        }
        if (cls == Instant.class) {
            return schemaOf(Schema.SchemaType.STRING).format("date-time");
        }
        if (cls.isEnum()) {
            return schemaOf(Schema.SchemaType.STRING)
                    .enumeration(Arrays.stream(cls.getEnumConstants())
                            .map(Object::toString)
                            .map(Object.class::cast)
                            .toList());
        }
        if (cls.isRecord()) {
            // A nested record is named with its owner (Reassignment.Result is ReassignmentResult).
            String name = cls.getEnclosingClass() != null
                    ? cls.getEnclosingClass().getSimpleName() + cls.getSimpleName()
                    : cls.getSimpleName();
            if (!schemas.containsKey(name)) {
                Schema schema = schemaOf(Schema.SchemaType.OBJECT);
                schemas.put(name, schema);
                for (RecordComponent component : cls.getRecordComponents()) {
                    Schema property = schemaOf(component.getGenericType(), schemas);
                    Object example = EXAMPLES.get(component.getName());
                    if (example instanceof String && hasType(property, Schema.SchemaType.STRING)
                            || example instanceof Integer && hasType(property, Schema.SchemaType.INTEGER)) {
                        property.example(example);
                    }
                    schema.addProperty(component.getName(), property);
                    // Bean Validation annotations of a record component land on its accessor, not on the component.
                    if (component.getAccessor().isAnnotationPresent(jakarta.validation.constraints.NotNull.class)
                            || component
                                    .getAccessor()
                                    .isAnnotationPresent(jakarta.validation.constraints.NotBlank.class)) {
                        schema.addRequired(component.getName());
                    }
                }
            }
            return OASFactory.createSchema().ref("#/components/schemas/" + name);
        }
        return schemaOf(Schema.SchemaType.OBJECT).description(cls.getSimpleName());
    }

    private static Schema problemSchema() {
        Schema error = schemaOf(Schema.SchemaType.OBJECT)
                .addProperty("field", schemaOf(Schema.SchemaType.STRING))
                .addProperty("message", schemaOf(Schema.SchemaType.STRING));
        return schemaOf(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details")
                .addProperty(
                        "type",
                        schemaOf(Schema.SchemaType.STRING)
                                .format("uri")
                                .example("https://estatedesk.io/problems/not-found"))
                .addProperty("title", schemaOf(Schema.SchemaType.STRING).example("Not found"))
                .addProperty("status", schemaOf(Schema.SchemaType.INTEGER).example(404))
                .addProperty("detail", schemaOf(Schema.SchemaType.STRING).example("No marketer with this id."))
                .addProperty("errors", schemaOf(Schema.SchemaType.ARRAY).items(error));
    }

    /** Schema.type(SchemaType) on MicroProfile OpenAPI 3 (Payara 6); addType(SchemaType) on 4 (WildFly 39). */
    private static final Method TYPE_SETTER = typeSetter();

    private static Method typeSetter() {
        try {
            return Schema.class.getMethod("type", Schema.SchemaType.class);
        } catch (NoSuchMethodException openApi4) {
            try {
                return Schema.class.getMethod("addType", Schema.SchemaType.class);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("Unknown MicroProfile OpenAPI Schema API", e);
            }
        }
    }

    /** getType() is a SchemaType on MicroProfile OpenAPI 3 and a List of them on 4. */
    static boolean hasType(Schema schema, Schema.SchemaType type) {
        try {
            Object types = Schema.class.getMethod("getType").invoke(schema);
            return types instanceof Collection<?> list ? list.contains(type) : type.equals(types);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read a schema's type", e);
        }
    }

    /** A schema of one type, whichever MicroProfile OpenAPI version the server brings. */
    static Schema schemaOf(Schema.SchemaType type) {
        try {
            return (Schema) TYPE_SETTER.invoke(OASFactory.createSchema(), type);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot set a schema's type", e);
        }
    }
}
