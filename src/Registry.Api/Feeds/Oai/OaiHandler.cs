using System.Xml.Linq;
using Microsoft.Extensions.Options;
using Registry.Data.Catalog;
using Registry.Data.Records;
using static Registry.Api.Feeds.Oai.OaiResponse;

namespace Registry.Api.Feeds.Oai;

/// <summary>
/// OAI-PMH 2.0 at <c>/oai</c>: the six verbs over the public catalogue (not the search index, which holds published
/// tasks only: harvesters also need the deleted ones), errors as the protocol names them. Tasks are disseminated in
/// oai_dc and as OpenAIRE CERIF Projects; the other CERIF entities (<see cref="OaiEntities"/>) in the CERIF profile
/// only, harvested through their OpenAIRE sets.
/// </summary>
public sealed class OaiHandler(IPublicCatalog catalog, OaiEntities entities, PublicUrls urls, IOptions<FeedsOptions> options, TimeProvider clock)
{
    /// <summary>Earliest datestamp the repository can hold; a fixed floor keeps Identify cheap.</summary>
    public static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task<IResult> Handle(HttpContext http, OaiHandler handler, CancellationToken ct)
    {
        var pairs = http.Request.HasFormContentType
            ? (await http.Request.ReadFormAsync(ct)).AsEnumerable()
            : http.Request.Query.AsEnumerable();
        // The query was checked by the guard for every request; a form body is checked here, the same way.
        if (Http.UnsafeTextGuard.FindIn(pairs) is { } found) return Http.UnsafeTextGuard.Refuse(found);
        Http.WriteEviction.MarkReadOnly(http); // OAI-PMH only reads, also over POST
        return Xml(await handler.RespondAsync(pairs, http.Request, ct));
    }

    public async Task<XElement> RespondAsync(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> pairs, HttpRequest http, CancellationToken ct)
    {
        var baseUrl = urls.Base(http);
        var endpoint = baseUrl + "/oai";
        var now = clock.GetUtcNow();
        var args = OaiArguments.Parse(pairs, out var error);
        if (args is null) return Envelope(endpoint, null, now, Error(error!));
        var (content, errors) = args.Verb switch
        {
            "Identify" => (Identify(baseUrl, endpoint), null),
            "ListMetadataFormats" => await ListMetadataFormats(args, ct),
            "ListSets" => args["resumptionToken"] is not null
                ? (null, [new OaiError("badResumptionToken", "Danh sách tập hợp không phân trang (the set list has no resumption tokens).")])
                : (new XElement(Ns + "ListSets", OaiSets.All().Select(s => new XElement(Ns + "set", new XElement(Ns + "setSpec", s.Spec), new XElement(Ns + "setName", s.Name)))), null),
            "GetRecord" => await GetRecord(args, baseUrl, ct),
            _ => await List(args, baseUrl, ct),
        };
        if (errors is null) return Envelope(endpoint, args, now, content!);
        // The request's arguments are echoed only when they were valid (spec §3.2).
        var echo = errors.Any(e => e.Code is "badVerb" or "badArgument") ? null : args;
        return Envelope(endpoint, echo, now, errors.Select(Error).ToArray<object>());
    }

    /// <summary>
    /// Deletions are "transient": a withdrawn task stays a deleted record for good, but a person or product that a
    /// curator removes from a published task is simply gone (its id answers idDoesNotExist), so the repository does
    /// not promise every deletion.
    /// </summary>
    private XElement Identify(string baseUrl, string endpoint) => new(Ns + "Identify",
        new XElement(Ns + "repositoryName", "Cơ sở dữ liệu nhiệm vụ KH&CN tỉnh Phú Thọ (Registry of state-funded S&T tasks, Phú Thọ)"),
        new XElement(Ns + "baseURL", endpoint),
        new XElement(Ns + "protocolVersion", "2.0"),
        new XElement(Ns + "adminEmail", options.Value.AdminEmail),
        new XElement(Ns + "earliestDatestamp", Syndication.FeedWriters.Rfc3339(Earliest)),
        new XElement(Ns + "deletedRecord", "transient"),
        new XElement(Ns + "granularity", "YYYY-MM-DDThh:mm:ssZ"),
        new XElement(Ns + "description", OaiIdentifierDescription()),
        new XElement(Ns + "description", OaiCerif.Service(baseUrl, endpoint)));

    private static readonly XNamespace OaiIdentifierNs = "http://www.openarchives.org/OAI/2.0/oai-identifier";

    /// <summary>The oai-identifier description (OAI-PMH guidelines): scheme, repository identifier, delimiter, a sample.</summary>
    private static XElement OaiIdentifierDescription() => new(OaiIdentifierNs + "oai-identifier",
        new XAttribute(XNamespace.Xmlns + "xsi", OaiMetadata.Xsi.NamespaceName),
        new XAttribute(OaiMetadata.Xsi + "schemaLocation", $"{OaiIdentifierNs.NamespaceName} http://www.openarchives.org/OAI/2.0/oai-identifier.xsd"),
        new XElement(OaiIdentifierNs + "scheme", "oai"),
        new XElement(OaiIdentifierNs + "repositoryIdentifier", PublicUrls.Authority),
        new XElement(OaiIdentifierNs + "delimiter", ":"),
        new XElement(OaiIdentifierNs + "sampleIdentifier", OaiItemId.Person("t0123456789ab", 0).Identifier));

    private async Task<(XElement?, OaiError[]?)> ListMetadataFormats(OaiArguments args, CancellationToken ct)
    {
        var formats = OaiMetadata.Formats;
        if (args["identifier"] is { } identifier)
        {
            var id = OaiItemId.Parse(identifier);
            if (id is null || !await ExistsAsync(id, ct)) return (null, [IdDoesNotExist(identifier)]);
            if (id.Entity != OaiEntity.Project) formats = formats.Where(f => f.Prefix == OaiMetadata.CerifPrefix).ToList();
        }
        return (new XElement(Ns + "ListMetadataFormats", formats.Select(f => new XElement(Ns + "metadataFormat",
            new XElement(Ns + "metadataPrefix", f.Prefix), new XElement(Ns + "schema", f.Schema), new XElement(Ns + "metadataNamespace", f.Namespace)))), null);
    }

    private async Task<bool> ExistsAsync(OaiItemId id, CancellationToken ct) => id.Entity == OaiEntity.Project
        ? await catalog.FindHarvestItemAsync(id.OwnerId, ct) is not null
        : await entities.FindAsync(id, ct) is not null;

    private async Task<(XElement?, OaiError[]?)> GetRecord(OaiArguments args, string baseUrl, CancellationToken ct)
    {
        var format = OaiMetadata.Find(args["metadataPrefix"]!);
        var id = OaiItemId.Parse(args["identifier"]!);
        if (id is not null && id.Entity != OaiEntity.Project) return await GetEntityRecord(id, args, format, ct);
        var item = id is null ? null : await catalog.FindHarvestItemAsync(id.OwnerId, ct);
        var errors = new List<OaiError>();
        if (format is null) errors.Add(CannotDisseminate(args["metadataPrefix"]!));
        if (item is null) errors.Add(IdDoesNotExist(args["identifier"]!));
        if (errors.Count > 0) return (null, errors.ToArray());
        var records = await RecordsAsync([item!.Id], ct);
        return (new XElement(Ns + "GetRecord", Record(item, records, format!, baseUrl)), null);
    }

    private async Task<(XElement?, OaiError[]?)> GetEntityRecord(OaiItemId id, OaiArguments args, OaiFormat? format, CancellationToken ct)
    {
        var item = await entities.FindAsync(id, ct);
        var errors = new List<OaiError>();
        if (format is null) errors.Add(CannotDisseminate(args["metadataPrefix"]!));
        else if (format.Prefix != OaiMetadata.CerifPrefix && item is not null) errors.Add(OnlyCerif(format.Prefix));
        if (item is null) errors.Add(IdDoesNotExist(args["identifier"]!));
        if (errors.Count > 0) return (null, errors.ToArray());
        return (new XElement(Ns + "GetRecord", EntityRecord(item!)), null);
    }

    private static XElement EntityRecord(OaiEntityItem item)
    {
        var record = new XElement(Ns + "record", item.Header());
        if (!item.Deleted && item.Metadata is not null) record.Add(new XElement(Ns + "metadata", item.Metadata));
        return record;
    }

    private async Task<(XElement?, OaiError[]?)> List(OaiArguments args, string baseUrl, CancellationToken ct)
    {
        OaiToken? token = null;
        OaiSelection? selection;
        if (args["resumptionToken"] is { } text)
        {
            token = OaiToken.Decode(text, args.Verb);
            if (token is null) return (null, [new OaiError("badResumptionToken", "resumptionToken không hợp lệ; hãy bắt đầu lại từ đầu (invalid resumption token: restart the harvest).")]);
            selection = token.Selection;
        }
        else
        {
            selection = args.Selection(out var error);
            if (selection is null) return (null, [error!]);
        }
        var format = OaiMetadata.Find(selection.MetadataPrefix);
        if (format is null) return (null, [CannotDisseminate(selection.MetadataPrefix)]);
        OaiSetFilter? set = null;
        if (selection.Set is { } spec && (set = OaiSets.Parse(spec)) is null)
            return (null, [new OaiError("badArgument", $"Không có tập hợp '{Shown(spec)}'; xem verb=ListSets (no such set).")]);
        if (set is { Entity: not OaiEntity.Project } entitySet) return await ListEntities(args, token, selection, format, entitySet.Entity, ct);

        var size = options.Value.OaiPageSize;
        var query = new HarvestQuery(selection.From, selection.UntilExclusive, set?.FieldPrefix, set?.Level, set?.Status);
        var after = token is null ? (HarvestPosition?)null : new HarvestPosition(new DateTimeOffset(token.AfterTicks, TimeSpan.Zero), token.AfterId);
        var page = await catalog.HarvestAsync(query, after, size, ct);
        if (page.Items.Count == 0)
        {
            return token is null
                ? (null, [new OaiError("noRecordsMatch", "Không có bản ghi nào khớp (no records match the request).")])
                : (null, [new OaiError("badResumptionToken", "resumptionToken đã hết hiệu lực (the list changed; restart the harvest).")]);
        }
        var records = args.Verb == "ListRecords" ? await RecordsAsync(page.Items.Where(i => !i.Deleted).Select(i => i.Id).ToList(), ct) : null;
        var list = new XElement(Ns + args.Verb, page.Items.Select(i => records is null ? Header(i) : Record(i, records, format, baseUrl)));
        var cursor = token?.Cursor ?? 0;
        if (token is not null || page.HasMore)
        {
            var last = page.Items[^1];
            var next = page.HasMore ? new OaiToken(args.Verb, selection, last.UpdatedAt.UtcTicks, last.Id, cursor + page.Items.Count).Encode() : "";
            list.Add(new XElement(Ns + "resumptionToken", new XAttribute("completeListSize", page.CompleteListSize), new XAttribute("cursor", cursor), next));
        }
        return (list, null);
    }

    /// <summary>OrgUnits, Persons, Fundings or Products: CERIF only, paged by the position of the last task or organization read.</summary>
    private async Task<(XElement?, OaiError[]?)> ListEntities(OaiArguments args, OaiToken? token, OaiSelection selection, OaiFormat format,
        OaiEntity entity, CancellationToken ct)
    {
        if (format.Prefix != OaiMetadata.CerifPrefix)
            return (null, [new OaiError("noRecordsMatch", $"Tập hợp {OaiSets.SpecOf(entity)} chỉ có ở định dạng {OaiMetadata.CerifPrefix} (this set is disseminated in {OaiMetadata.CerifPrefix} only).")]);
        var size = options.Value.OaiPageSize;
        var after = token is null ? (HarvestPosition?)null : new HarvestPosition(new DateTimeOffset(token.AfterTicks, TimeSpan.Zero), token.AfterId);
        var page = entity == OaiEntity.OrgUnit
            ? await entities.ListOrgUnitsAsync(selection, after, size, ct)
            : await entities.ListFromTasksAsync(entity, selection, after, size, ct);
        if (page.Items.Count == 0)
        {
            return token is null
                ? (null, [new OaiError("noRecordsMatch", "Không có bản ghi nào khớp (no records match the request).")])
                : (null, [new OaiError("badResumptionToken", "resumptionToken đã hết hiệu lực (the list changed; restart the harvest).")]);
        }
        var list = new XElement(Ns + args.Verb, page.Items.Select(i => args.Verb == "ListRecords" ? EntityRecord(i) : i.Header()));
        var cursor = token?.Cursor ?? 0;
        if (token is not null || page.Next is not null)
        {
            var next = page.Next is { } n ? new OaiToken(args.Verb, selection, n.UpdatedAt.UtcTicks, n.Id, cursor + page.Items.Count).Encode() : "";
            var resumption = new XElement(Ns + "resumptionToken", new XAttribute("cursor", cursor), next);
            if (page.CompleteListSize is { } total) resumption.Add(new XAttribute("completeListSize", total));
            list.Add(resumption);
        }
        return (list, null);
    }

    private static XElement Record(HarvestItem item, IReadOnlyDictionary<string, TaskRecord> records, OaiFormat format, string baseUrl)
    {
        var record = new XElement(Ns + "record", Header(item));
        // A record withdrawn between the two reads has no metadata left: it goes out as deleted.
        if (!item.Deleted && records.TryGetValue(item.Id, out var r)) record.Add(new XElement(Ns + "metadata", format.Write(r, baseUrl)));
        else if (!item.Deleted) record = new XElement(Ns + "record", Header(item with { Deleted = true }));
        return record;
    }

    /// <summary>Public records of the published items among <paramref name="ids"/>, by id.</summary>
    private async Task<IReadOnlyDictionary<string, TaskRecord>> RecordsAsync(IReadOnlyCollection<string> ids, CancellationToken ct) =>
        (await catalog.GetPublishedAsync(ids, ct)).ToDictionary(r => r.Id!);

    private static OaiError IdDoesNotExist(string identifier) =>
        new("idDoesNotExist", $"Không có bản ghi '{Shown(identifier)}' (no such identifier; identifiers look like {Identifier}t…, {Identifier}o…, {Identifier}t…-p0).");

    private static OaiError OnlyCerif(string prefix) =>
        new("cannotDisseminateFormat", $"Bản ghi này chỉ có ở định dạng {OaiMetadata.CerifPrefix}, không có '{Shown(prefix)}' (this item is disseminated in {OaiMetadata.CerifPrefix} only).");

    /// <summary>An argument echoed in a message, cut short: a hostile value is not repeated at length.</summary>
    private static string Shown(string value) => value.Length > 80 ? value[..80] + "…" : value;

    private static OaiError CannotDisseminate(string prefix) =>
        new("cannotDisseminateFormat", $"Không hỗ trợ định dạng '{Shown(prefix)}'; dùng oai_dc hoặc oai_cerif_openaire (unsupported metadataPrefix).");
}
