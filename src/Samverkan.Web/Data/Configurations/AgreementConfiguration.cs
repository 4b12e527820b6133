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
        builder.HasMany(a => a.StruckAdoptions).WithOne().HasForeignKey(p => p.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Amendments).WithOne().HasForeignKey(p => p.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Withdrawals).WithOne().HasForeignKey(p => p.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Supplements).WithOne().HasForeignKey(p => p.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Reviews).WithOne().HasForeignKey(r => r.AgreementId).OnDelete(DeleteBehavior.Cascade);

        // One successor per agreement: two secretaries starting the next agreement at once get one draft, not two.
        builder.HasOne<Agreement>().WithMany().HasForeignKey(a => a.PredecessorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.PredecessorId).IsUnique();
    }
}

internal sealed class RelevanceReviewConfiguration : IEntityTypeConfiguration<RelevanceReview>
{
    public void Configure(EntityTypeBuilder<RelevanceReview> builder)
    {
        builder.ToTable("RelevanceReviews");
        builder.Property(r => r.Participants).HasMaxLength(2000);
        builder.Property(r => r.WorkingForms).HasMaxLength(4000);
        builder.Property(r => r.Results).HasMaxLength(4000);
        builder.Property(r => r.Financing).HasMaxLength(4000);
        builder.Property(r => r.Structure).HasMaxLength(4000);
        builder.Property(r => r.Conclusion).HasMaxLength(4000);
        builder.Property(r => r.RecordedBy).HasMaxLength(256);
        builder.HasIndex(r => new { r.AgreementId, r.Year }).IsUnique();
    }
}

internal sealed class PartyContractConfiguration : IEntityTypeConfiguration<PartyContract>
{
    public void Configure(EntityTypeBuilder<PartyContract> builder)
    {
        builder.ToTable("PartyContracts");
        builder.Property(c => c.Meaning).HasMaxLength(8000);
        builder.Property(c => c.Commitments).HasMaxLength(8000);
        builder.Property(c => c.DocumentHash).HasMaxLength(64);
        builder.Property(c => c.DocumentFileName).HasMaxLength(260);
        builder.Property(c => c.DocumentContentType).HasMaxLength(100);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne<County>().WithMany().HasForeignKey(c => c.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agreement>().WithMany().HasForeignKey(c => c.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Party>().WithMany().HasForeignKey(c => c.PartyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.AgreementId, c.PartyId }).IsUnique();
        builder.HasMany(c => c.Signatories).WithOne().HasForeignKey(s => s.ContractId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(c => c.Status);
        builder.Ignore(c => c.IsComplete);
        builder.Ignore(c => c.RequiredSignatures);
        builder.Ignore(c => c.SignedCount);
    }
}

internal sealed class ContractSignatoryConfiguration : IEntityTypeConfiguration<ContractSignatory>
{
    public void Configure(EntityTypeBuilder<ContractSignatory> builder)
    {
        builder.ToTable("ContractSignatories");
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Role).HasMaxLength(200);
        builder.Property(s => s.NamedName).HasMaxLength(200);
        builder.Property(s => s.NamedRole).HasMaxLength(200);
        builder.Property(s => s.RecordedBy).HasMaxLength(256);
        builder.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Restrict);
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

internal sealed class StruckAdoptionConfiguration : IEntityTypeConfiguration<StruckAdoption>
{
    public void Configure(EntityTypeBuilder<StruckAdoption> builder)
    {
        builder.ToTable("StruckAdoptions");
        builder.Property(a => a.Reference).HasMaxLength(200);
        builder.Property(a => a.Reason).HasMaxLength(1000);
        builder.Property(a => a.StruckBy).HasMaxLength(256);
        builder.HasOne<Party>().WithMany().HasForeignKey(a => a.PartyId).OnDelete(DeleteBehavior.Restrict);
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
