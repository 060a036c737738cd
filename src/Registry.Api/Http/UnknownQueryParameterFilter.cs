using Registry.Api.Problems;

namespace Registry.Api.Http;

/// <summary>
/// Answers 400 when a request carries a query parameter its endpoint does not accept, naming the valid ones,
/// so a typo such as <c>?stauts=accepted</c> is not silently ignored. The accepted names come from the
/// handler's signature plus <see cref="DeclaredQueryParameters"/>; route values are never query parameters.
/// </summary>
public static class UnknownQueryParameterFilter
{
    public static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var bound = QueryParameterEndpointExtensions.BoundNames(context.MethodInfo).ToList();
        HashSet<string>? accepted = null;

        return invocation =>
        {
            var http = invocation.HttpContext;
            // Endpoint metadata is complete only once the endpoint is built; read it on first use.
            accepted ??= Accepted(bound, http.GetEndpoint());
            var unknown = http.Request.Query.Keys
                .Where(k => !accepted.Contains(k) && !http.Request.RouteValues.ContainsKey(k))
                .ToList();
            if (unknown.Count == 0) return next(invocation);

            var valid = accepted.Where(a => !http.Request.RouteValues.ContainsKey(a)).Order(StringComparer.Ordinal).ToList();
            var list = valid.Count == 0 ? "(không có / none)" : string.Join(", ", valid);
            var errors = unknown.ToDictionary(k => k, k => new[]
            {
                $"Tham số '{k}' không được hỗ trợ ở địa chỉ này; tham số hợp lệ: {list} (unknown query parameter; valid: {list}).",
            });
            return ValueTask.FromResult<object?>(ApiProblems.Validation(errors,
                $"Tham số truy vấn không hợp lệ; tham số hợp lệ: {list} (unknown query parameters; valid: {list})."));
        };
    }

    private static HashSet<string> Accepted(IEnumerable<string> bound, Endpoint? endpoint)
    {
        var accepted = new HashSet<string>(bound, StringComparer.OrdinalIgnoreCase);
        foreach (var declared in endpoint?.Metadata.GetOrderedMetadata<DeclaredQueryParameters>() ?? [])
        {
            foreach (var p in declared.Parameters) accepted.Add(p.Name);
        }

        return accepted;
    }
}
