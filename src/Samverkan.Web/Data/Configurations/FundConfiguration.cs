using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samverkan.Domain.Agreements;
using Samverkan.Domain.Counties;
using Samverkan.Domain.Funds;

namespace Samverkan.Web.Data.Configurations;

internal sealed class FundConfiguration : IEntityTypeConfiguration<Fund>
{
    public void Configure(EntityTypeBuilder<Fund> builder)
    {
        builder.ToTable("Funds");
        builder.Property(f => f.Name).HasMaxLength(200);

        // Every ledger movement raises it: two decisions on one fund at once cannot both pass (issue 10).
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.HasOne<County>().WithMany().HasForeignKey(f => f.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agreement>().WithMany().HasForeignKey(f => f.AgreementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Supplement>().WithMany().HasForeignKey(f => f.SupplementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => f.CountyId);
        builder.HasMany(f => f.Sources).WithOne().HasForeignKey(s => s.FundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(f => f.Entries).WithOne().HasForeignKey(e => e.FundId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FundSourceConfiguration : IEntityTypeConfiguration<FundSource>
{
    public void Configure(EntityTypeBuilder<FundSource> builder)
    {
        builder.ToTable("FundSources");
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Amount).HasPrecision(18, 2);
    }
}

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> builder)
    {
        builder.ToTable("LedgerEntries");
        builder.Property(e => e.Amount).HasPrecision(18, 2);
        builder.Property(e => e.Reference).HasMaxLength(200);
        builder.Property(e => e.RecordedBy).HasMaxLength(200);
        builder.HasIndex(e => new { e.FundId, e.Sequence }).IsUnique();
        builder.HasIndex(e => new { e.FundId, e.Date });
        builder.HasIndex(e => e.InitiativeId);
        builder.HasOne<Initiative>().WithMany().HasForeignKey(e => e.InitiativeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InitiativeConfiguration : IEntityTypeConfiguration<Initiative>
{
    public void Configure(EntityTypeBuilder<Initiative> builder)
    {
        builder.ToTable("Initiatives");
        builder.Property(i => i.Title).HasMaxLength(300);
        builder.Property(i => i.Purpose).HasMaxLength(4000);
        builder.Property(i => i.Assessment).HasMaxLength(4000);
        builder.Property(i => i.FinalReport).HasMaxLength(8000);
        builder.Property(i => i.DecisionReference).HasMaxLength(200);
        builder.Property(i => i.Budget).HasPrecision(18, 2);
        builder.Property(i => i.DecidedAmount).HasPrecision(18, 2);
        builder.HasOne<Fund>().WithMany().HasForeignKey(i => i.FundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Party>().WithMany().HasForeignKey(i => i.ProposingPartyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => i.FundId);
        builder.HasIndex(i => i.CountyId);
        builder.OwnsMany(i => i.Criteria, c =>
        {
            c.ToJson();
            c.Property(x => x.Criterion).HasMaxLength(500);
            c.Property(x => x.Comment).HasMaxLength(2000);
        });
        builder.HasMany(i => i.Stands).WithOne().HasForeignKey(s => s.InitiativeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InitiativeStandConfiguration : IEntityTypeConfiguration<InitiativeStand>
{
    public void Configure(EntityTypeBuilder<InitiativeStand> builder)
    {
        builder.ToTable("InitiativeStands");
        builder.Property(s => s.Note).HasMaxLength(2000);
        builder.HasIndex(s => new { s.InitiativeId, s.PartyId }).IsUnique();
        builder.HasOne<Party>().WithMany().HasForeignKey(s => s.PartyId).OnDelete(DeleteBehavior.Restrict);
    }
}
