using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samverkan.Web.Infrastructure.Caching;

/// <summary>
/// One row whose token changes, in the same transaction, with every change to domain data. Each instance polls it to
/// learn that another instance changed something, so that nothing it has cached is served stale for long.
/// </summary>
public sealed class DataVersion
{
    public const int SingleId = 1;

    public int Id { get; set; } = SingleId;

    /// <summary>A fresh random value written by each change; readers only compare it with the one they saw last.</summary>
    public long Token { get; set; }
}

internal sealed class DataVersionConfiguration : IEntityTypeConfiguration<DataVersion>
{
    public void Configure(EntityTypeBuilder<DataVersion> builder)
    {
        builder.ToTable("DataVersions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.HasData(new DataVersion { Id = DataVersion.SingleId, Token = 0 });
    }
}
