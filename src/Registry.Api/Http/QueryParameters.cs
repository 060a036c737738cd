using System.Reflection;
using Microsoft.AspNetCore.Mvc;

namespace Registry.Api.Http;

/// <summary>One query parameter an endpoint accepts, for validation and for the OpenAPI document.</summary>
/// <param name="Type">OpenAPI type: string, integer or boolean.</param>
public sealed record QueryParameter(string Name, string Type, string Description, string? Example = null);

/// <summary>
/// Endpoint metadata: query parameters read from the request by hand (dynamic filters), which the handler's
/// signature cannot show. <see cref="UnknownQueryParameterFilter"/> and the OpenAPI filter read it.
/// </summary>
public sealed record DeclaredQueryParameters(IReadOnlyList<QueryParameter> Parameters);

public static class QueryParameterEndpointExtensions
{
    /// <summary>Declares query parameters the handler reads itself, so they are accepted and documented.</summary>
    public static TBuilder WithQueryParameters<TBuilder>(this TBuilder builder, IReadOnlyList<QueryParameter> parameters)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new DeclaredQueryParameters(parameters));

    /// <summary>Rejects query parameters an endpoint does not declare (400 naming the valid ones).</summary>
    public static TBuilder RejectUnknownQueryParameters<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory(UnknownQueryParameterFilter.Create);

    /// <summary>
    /// The query names a handler binds: <c>[FromQuery]</c> parameters, the <c>[FromQuery]</c> properties of
    /// <c>[AsParameters]</c> types, and simple-typed parameters without a source (bound from route or query).
    /// </summary>
    internal static IEnumerable<string> BoundNames(MethodInfo method)
    {
        foreach (var parameter in method.GetParameters())
        {
            if (parameter.GetCustomAttribute<AsParametersAttribute>() is not null)
            {
                foreach (var property in parameter.ParameterType.GetProperties())
                {
                    var fromQuery = property.GetCustomAttribute<FromQueryAttribute>();
                    if (fromQuery is not null) yield return fromQuery.Name ?? property.Name;
                    else if (IsSimple(property.PropertyType) && !HasOtherSource(property)) yield return property.Name;
                }
                continue;
            }

            var query = parameter.GetCustomAttribute<FromQueryAttribute>();
            if (query is not null) yield return query.Name ?? parameter.Name!;
            else if (IsSimple(parameter.ParameterType) && !HasOtherSource(parameter)) yield return parameter.Name!;
        }
    }

    private static bool HasOtherSource(ICustomAttributeProvider member) =>
        member.GetCustomAttributes(true).Any(a => a is FromRouteAttribute or FromHeaderAttribute or FromBodyAttribute
            or FromServicesAttribute or FromFormAttribute or FromKeyedServicesAttribute);

    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateTime)
            || t == typeof(DateTimeOffset) || t == typeof(DateOnly) || t == typeof(Guid)
            || (t.IsArray && IsSimple(t.GetElementType()!));
    }
}
