using Registry.Data.Leases;
using Registry.Data.Mail;
using Registry.Data.Webhooks;

namespace Registry.Api.Hosting;

/// <summary>
/// At start, frees what earlier processes of this same instance leased and never gave back (kill -9, power cut):
/// mail, webhook deliveries and singleton leases whose owner starts with this instance's id. Only when this process
/// holds the instance's data directory, which proves those processes are gone; other instances' leases are never
/// touched, whatever database they share. Without the proof the leases run out by themselves.
/// </summary>
internal static class EarlierLeases
{
    public static async Task ReleaseAsync(IServiceProvider services, ILogger logger, CancellationToken ct)
    {
        var identity = services.GetRequiredService<InstanceIdentity>();
        if (!identity.EarlierProcessesAreGone) return;
        var prefix = identity.OwnerPrefix;
        var mail = await services.GetRequiredService<IMailQueueStore>().ReleaseLeasesOwnedAsync(prefix, ct);
        var webhooks = await services.GetRequiredService<IWebhookStore>().ReleaseLeasesOwnedAsync(prefix, ct);
        var singletons = await services.GetRequiredService<IWorkerLeaseStore>().ReleaseAllOwnedAsync(prefix, ct);
        if (mail + webhooks + singletons > 0)
        {
            logger.LogInformation(
                "Đã giải phóng {Mail} thư, {Webhooks} lần gửi webhook và {Singletons} quyền chạy việc nền do tiến trình trước của phiên bản {Instance} giữ " +
                "(released {Mail} mails, {Webhooks} webhook deliveries and {Singletons} worker leases held by an earlier process of instance {Instance})",
                mail, webhooks, singletons, identity.Id, mail, webhooks, singletons, identity.Id);
        }
    }
}
