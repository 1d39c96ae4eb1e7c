// Swagger UI over this service's own OpenAPI document; "Authorize" takes a token from POST /auth/token.
window.ui = SwaggerUIBundle({
    // MicroProfile OpenAPI serves the document at the server's root, whatever the console's context root.
    url: new URL('/openapi?format=JSON', document.baseURI).toString(),
    dom_id: '#swagger-ui',
    deepLinking: true,
    tryItOutEnabled: false,
    validatorUrl: null,
});
