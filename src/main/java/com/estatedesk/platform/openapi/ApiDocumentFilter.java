package com.estatedesk.platform.openapi;

import com.estatedesk.infra.rest.PublicUrl;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * The last word on the published document, after the server's own additions: OpenAPI 3.0 allows no
 * top-level "endpoints" (Payara adds one), and the server is ESTATEDESK_PUBLIC_URL (or the document's
 * own origin, "/"-less) rather than whatever Host the request came with; no object lacks a required field.
 * ApiContractIT validates it with swagger-parser on both servers.
 */
public class ApiDocumentFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI document) {
        if (document.getExtensions() != null) {
            document.getExtensions().remove("endpoints");
        }
        String origin = PublicUrl.value().orElse("http://localhost:8080");
        // WildFly's SmallRye fills in an empty license and externalDocs, each missing its required field.
        if (document.getInfo() != null) {
            document.getInfo().setLicense(OASFactory.createLicense().name("Proprietary"));
        }
        document.setExternalDocs(OASFactory.createExternalDocumentation()
                .description("The console, and the API explorer beside it")
                .url(origin + "/"));
        document.setServers(List.of(OASFactory.createServer()
                .url(origin)
                .description(PublicUrl.value().isPresent() ? "This service" : "Set ESTATEDESK_PUBLIC_URL")));
    }
}
