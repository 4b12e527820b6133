using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samverkan.Domain.Agreements;
using Samverkan.Domain.Counties;

namespace Samverkan.Web.Data.Configurations;

internal sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> builder)
    {
        builder.ToTable("Agreements");
        builder.Property(a => a.Title).HasMaxLength(300);
        builder.Property(a => a.CaseNumber).HasMaxLength(50);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne<County>().WithMany().HasForeignKey(a => a.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.CountyId);

        builder.HasMany(a => a.Parties).WithOne().HasForeignKey(p => p.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Adoptions).WithOne().HasForeignKey(p => p.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Amendments).WithOne().HasForeignKey(p => p.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Withdrawals).WithOne().HasForeignKey(p => p.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Supplements).WithOne().HasForeignKey(p => p.AgreementId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgreementPartyConfiguration : IEntityTypeConfiguration<AgreementParty>
{
    public void Configure(EntityTypeBuilder<AgreementParty> builder)
    {
        builder.ToTable("AgreementParties");
        builder.HasKey(p => new { p.AgreementId, p.PartyId });
        builder.HasOne(p => p.Party).WithMany().HasForeignKey(p => p.PartyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AdoptionConfiguration : IEntityTypeConfiguration<Adoption>
{
    public void Configure(EntityTypeBuilder<Adoption> builder)
    {
        builder.ToTable("Adoptions");
        builder.Property(a => a.Reference).HasMaxLength(200);
        builder.HasOne<Party>().WithMany().HasForeignKey(a => a.PartyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Amendment>().WithMany().HasForeignKey(a => a.AmendmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Supplement>().WithMany().HasForeignKey(a => a.SupplementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.AgreementId, a.PartyId, a.AmendmentId });
    }
}

internal sealed class AmendmentConfiguration : IEntityTypeConfiguration<Amendment>
{
    public void Configure(EntityTypeBuilder<Amendment> builder)
    {
        builder.ToTable("Amendments");
        builder.Property(a => a.Title).HasMaxLength(300);
    }
}

internal sealed class WithdrawalConfiguration : IEntityTypeConfiguration<Withdrawal>
{
    public void Configure(EntityTypeBuilder<Withdrawal> builder)
    {
        builder.ToTable("Withdrawals");
        builder.Property(w => w.Reference).HasMaxLength(200);
        builder.HasOne<Party>().WithMany().HasForeignKey(w => w.PartyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SupplementConfiguration : IEntityTypeConfiguration<Supplement>
{
    public void Configure(EntityTypeBuilder<Supplement> builder)
    {
        builder.ToTable("Supplements");
        builder.Property(s => s.Title).HasMaxLength(300);
        builder.Property(s => s.Reference).HasMaxLength(200);
    }
}
