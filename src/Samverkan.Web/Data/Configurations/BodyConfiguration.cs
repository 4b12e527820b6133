using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samverkan.Domain.Bodies;
using Samverkan.Domain.Counties;

namespace Samverkan.Web.Data.Configurations;

internal sealed class BodyConfiguration : IEntityTypeConfiguration<Body>
{
    public void Configure(EntityTypeBuilder<Body> builder)
    {
        builder.ToTable("Bodies");
        builder.Property(b => b.Name).HasMaxLength(200);
        builder.Property(b => b.ShortName).HasMaxLength(30);
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.ComplexProperty(b => b.Rules, rules =>
        {
            // The lists of a body's rules are stored as JSON text in the body's row: read whole, changed whole.
            rules.Property(r => r.MandatoryTopics).HasConversion(JsonText.Converter<IReadOnlyList<string>>(), JsonText.Comparer<IReadOnlyList<string>>());
            rules.Property(r => r.MembersFrom).HasConversion(JsonText.Converter<IReadOnlyList<SeatSource>>(), JsonText.Comparer<IReadOnlyList<SeatSource>>());
        });
        builder.HasOne<County>().WithMany().HasForeignKey(b => b.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Party>().WithMany().HasForeignKey(b => b.OwnerPartyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Body>().WithMany().HasForeignKey(b => b.ParentBodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(b => b.Terms).WithOne().HasForeignKey(t => t.BodyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(b => b.Memberships).WithOne().HasForeignKey(m => m.BodyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TermOfOfficeConfiguration : IEntityTypeConfiguration<TermOfOffice>
{
    public void Configure(EntityTypeBuilder<TermOfOffice> builder)
    {
        builder.ToTable("TermsOfOffice");
        builder.Property(t => t.DeviationReference).HasMaxLength(200);
    }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> builder)
    {
        builder.ToTable("Memberships");
        builder.Property(m => m.OfficeTitle).HasMaxLength(200);
        builder.HasOne(m => m.Person).WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.AppointingParty).WithMany().HasForeignKey(m => m.AppointingPartyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.PoliticalParty).WithMany().HasForeignKey(m => m.PoliticalPartyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class GroupCharterConfiguration : IEntityTypeConfiguration<GroupCharter>
{
    public void Configure(EntityTypeBuilder<GroupCharter> builder)
    {
        builder.ToTable("GroupCharters");
        builder.Property(c => c.EstablishedBy).HasMaxLength(200);
        builder.Property(c => c.ClosedBy).HasMaxLength(200);
        builder.HasOne<Body>().WithMany().HasForeignKey(c => c.BodyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.BodyId).IsUnique();
    }
}

internal sealed class GroupReportConfiguration : IEntityTypeConfiguration<GroupReport>
{
    public void Configure(EntityTypeBuilder<GroupReport> builder)
    {
        builder.ToTable("GroupReports");
        builder.HasOne<Body>().WithMany().HasForeignKey(r => r.BodyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.BodyId, r.DueOn }).IsUnique();
    }
}
