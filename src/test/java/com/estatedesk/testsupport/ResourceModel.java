package com.estatedesk.testsupport;

import java.util.List;

/**
 * The REST endpoints the WAR deploys, read from its compiled classes by the same model the published
 * OpenAPI document uses ({@link com.estatedesk.platform.openapi.ResourceModel}). Tests built on it
 * cover a new endpoint without being edited.
 */
public final class ResourceModel {

    private ResourceModel() {}

    public static List<com.estatedesk.platform.openapi.ResourceModel.Endpoint> endpoints() {
        return com.estatedesk.platform.openapi.ResourceModel.endpoints(CompiledClasses.all());
    }
}
