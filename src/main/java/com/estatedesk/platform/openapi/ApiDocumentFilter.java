package com.estatedesk.platform.openapi;

import com.estatedesk.infra.rest.PublicUrl;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * The last word on the published document, after the server's own additions: OpenAPI 3.0 allows no
 * top-level "endpoints" (Payara adds one), and the server is ESTATEDESK_PUBLIC_URL (or the document's
 * own origin, "/"-less) rather than whatever Host the request came with. ApiContractIT validates it.
 */
public class ApiDocumentFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI document) {
        if (document.getExtensions() != null) {
            document.getExtensions().remove("endpoints");
        }
        document.setServers(List.of(OASFactory.createServer()
                .url(PublicUrl.value().orElse("http://localhost:8080"))
                .description(PublicUrl.value().isPresent() ? "This service" : "Set ESTATEDESK_PUBLIC_URL")));
    }
}
