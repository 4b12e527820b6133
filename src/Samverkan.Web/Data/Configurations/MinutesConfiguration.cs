using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samverkan.Domain.Counties;
using Samverkan.Domain.Meetings;

namespace Samverkan.Web.Data.Configurations;

internal sealed class MinutesConfiguration : IEntityTypeConfiguration<Minutes>
{
    public void Configure(EntityTypeBuilder<Minutes> builder)
    {
        builder.ToTable("Minutes");
        builder.Property(m => m.SignedBy).HasMaxLength(256);
        builder.Property(m => m.SignedHash).HasMaxLength(64);
        builder.Property(m => m.CheckedBy).HasMaxLength(256);
        builder.Property(m => m.CheckedHash).HasMaxLength(64);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasOne<Meeting>().WithMany().HasForeignKey(m => m.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => m.MeetingId).IsUnique();
        builder.HasIndex(m => new { m.BodyId, m.Year });
        builder.HasMany(m => m.Items).WithOne().HasForeignKey(i => i.MinutesId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Attendance).WithOne().HasForeignKey(a => a.MinutesId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Corrections).WithOne().HasForeignKey(c => c.MinutesId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MinutesItemConfiguration : IEntityTypeConfiguration<MinutesItem>
{
    public void Configure(EntityTypeBuilder<MinutesItem> builder)
    {
        builder.ToTable("MinutesItems");
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(i => i.AgendaItemId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(i => i.AgendaItemId);
        builder.Property(i => i.Title).HasMaxLength(300);
        builder.HasIndex(i => new { i.MinutesId, i.Paragraph }).IsUnique();
        builder.HasMany(i => i.Positions).WithOne().HasForeignKey(p => p.MinutesItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RecommendationPositionConfiguration : IEntityTypeConfiguration<RecommendationPosition>
{
    public void Configure(EntityTypeBuilder<RecommendationPosition> builder)
    {
        builder.ToTable("RecommendationPositions");
        builder.HasOne<Party>().WithMany().HasForeignKey(p => p.PartyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AttendanceConfiguration : IEntityTypeConfiguration<Attendance>
{
    public void Configure(EntityTypeBuilder<Attendance> builder)
    {
        builder.ToTable("Attendances");
        builder.HasIndex(a => new { a.MinutesId, a.MembershipId }).IsUnique();
    }
}

internal sealed class MinutesCorrectionConfiguration : IEntityTypeConfiguration<MinutesCorrection>
{
    public void Configure(EntityTypeBuilder<MinutesCorrection> builder)
    {
        builder.ToTable("MinutesCorrections");
        builder.Property(c => c.By).HasMaxLength(256);
    }
}

internal sealed class PartyDecisionConfiguration : IEntityTypeConfiguration<PartyDecision>
{
    public void Configure(EntityTypeBuilder<PartyDecision> builder)
    {
        builder.ToTable("PartyDecisions");
        builder.Property(d => d.Reference).HasMaxLength(200);
        builder.Property(d => d.RecordedBy).HasMaxLength(256);
        builder.HasOne<MinutesItem>().WithMany().HasForeignKey(d => d.MinutesItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Party>().WithMany().HasForeignKey(d => d.PartyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.MinutesItemId, d.PartyId }).IsUnique();
    }
}
