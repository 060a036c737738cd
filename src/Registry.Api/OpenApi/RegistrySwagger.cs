using Microsoft.OpenApi;
using Registry.Api.Auth;
using Registry.Data.Records;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Registry.Api.OpenApi;

/// <summary>The OpenAPI document (committed as openapi/registry.v1.json) and Swagger UI.</summary>
public static class RegistrySwagger
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/swagger/v1/swagger.json";

    /// <summary>The public service every path of the document is relative to.</summary>
    public const string PublicServer = "https://registry.phutho.gov.vn";

    public static IServiceCollection AddRegistrySwagger(this IServiceCollection services)
    {
        // Schemas follow the JSON the API really writes: camelCase, enums as camelCase strings.
        services.AddTransient<ISerializerDataContractResolver>(_ => new JsonSerializerDataContractResolver(RegistryJson.Options));
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc(DocumentName, Info());
            o.AddSecurityDefinition(ApiKeyAuthenticationHandler.SchemeName, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyAuthenticationHandler.HeaderName,
                Description = "Khóa API của cán bộ cập nhật hoặc quản trị (curator or admin API key); create one with `apikey create`.",
            });
            // Generated clients take the first server; Swagger UI lets a reader pick the one serving the page instead.
            o.AddServer(new OpenApiServer { Url = PublicServer, Description = "Máy chủ công khai của Sở KH&CN Phú Thọ (the public service)" });
            o.AddServer(new OpenApiServer { Url = "/", Description = "Máy chủ đang phục vụ tài liệu này (the server serving this document, e.g. a local copy)" });
            o.OperationFilter<ApiKeyOperationFilter>();
            o.OperationFilter<OperationContractFilter>();
            o.SchemaFilter<SearchResultSchemaFilter>();
            o.DocumentFilter<ContractDocumentFilter>();
            o.OperationFilter<ImportBodyFilter>();
            o.SupportNonNullableReferenceTypes();
            o.CustomSchemaIds(t => t.Name);
            var xml = Path.Combine(AppContext.BaseDirectory, "Registry.Api.xml");
            if (File.Exists(xml)) o.IncludeXmlComments(xml);
        });
        return services;
    }

    public static WebApplication UseRegistrySwagger(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint(DocumentPath, "Registry API v1");
            o.DocumentTitle = "Registry API — nhiệm vụ KH&CN Phú Thọ";
        });
        return app;
    }

    private static OpenApiInfo Info() => new()
    {
        Title = "Registry — Cơ sở dữ liệu nhiệm vụ KH&CN (S&T task registry)",
        Version = "v1",
        Description =
            "Dữ liệu mở về các nhiệm vụ khoa học và công nghệ sử dụng ngân sách nhà nước của tỉnh Phú Thọ. " +
            "Open data on the province's state-funded science and technology tasks: public reads need no key; " +
            "curator writes and imports need an `X-Api-Key`. Errors are RFC 9457 problem details whose `type` is " +
            "https://registry.phutho.gov.vn/problems/<kind>, a page saying what the problem means and how to fix it (the list: " +
            "https://registry.phutho.gov.vn/problems). Tasks classified as state secrets are refused at every entrance.",
        // No contact URL: the service has no contact page to point at; the licence page names the publisher.
        Contact = new OpenApiContact { Name = "Sở Khoa học và Công nghệ tỉnh Phú Thọ" },
        License = new OpenApiLicense { Name = Web.Reference.Licence.Name, Url = new Uri(Web.Reference.Licence.Uri) },
    };
}
