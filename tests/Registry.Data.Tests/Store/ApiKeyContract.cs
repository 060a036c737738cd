using Registry.Data.Abstractions;
using Registry.Data.Tests.Infrastructure;

namespace Registry.Data.Tests.Store;

public abstract class ApiKeyContract(StoreHarness store)
{
    [StoreFact]
    public async Task A_created_key_authenticates_until_revoked_and_is_stored_only_as_a_hash()
    {
        var name = "journalist-desk-" + Guid.NewGuid().ToString("N")[..6];
        var (info, plain) = await store.Keys.CreateAsync(name, ApiRole.Curator);

        Assert.Matches("^rk_[0-9A-Za-z]{32}$", plain);
        Assert.Equal(name, info.Name);
        Assert.Equal(new Actor(name, ApiRole.Curator), await store.Keys.AuthenticateAsync(plain));
        Assert.Null(await store.Keys.AuthenticateAsync(plain[..^1] + (plain[^1] == 'a' ? 'b' : 'a')));
        Assert.Null(await store.Keys.AuthenticateAsync("rk_short"));
        await using (var db = store.NewContext())
        {
            Assert.Empty(await DatabaseScan.FindAsync(db, plain));
        }

        Assert.True(await store.Keys.RevokeAsync(name));
        Assert.False(await store.Keys.RevokeAsync(name));
        Assert.Null(await store.Keys.AuthenticateAsync(plain));
        Assert.NotNull((await store.Keys.ListAsync()).Single(k => k.Name == name).RevokedAt);
    }

    [StoreFact]
    public async Task A_taken_name_is_refused()
    {
        var name = "admin-" + Guid.NewGuid().ToString("N")[..6];
        await store.Keys.CreateAsync(name, ApiRole.Admin);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.Keys.CreateAsync(name, ApiRole.Curator));
        Assert.Contains("đã tồn tại", error.Message);
    }

    [StoreFact]
    public async Task The_configured_bootstrap_key_exists_as_an_admin_and_is_created_only_once()
    {
        Assert.Equal(new Actor("bootstrap-admin", ApiRole.Admin), await store.Keys.AuthenticateAsync("rk_bootstrap-key-for-tests-0001"));
        Assert.False(await store.Keys.BootstrapAsync("another-admin", ApiRole.Admin, "rk_another-bootstrap-key-000"));
        Assert.DoesNotContain(await store.Keys.ListAsync(), k => k.Name == "another-admin");
    }
}
