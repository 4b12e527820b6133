using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Samverkan.Web.Data.Migrations;

/// <summary>Meetings with their agendas, requests for extra meetings, and the mail outbox. Hand-written, provider-neutral.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122180000_Meetings")]
public sealed class Meetings : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "OutboxMessages",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                CountyId = table.Column<Guid>(nullable: true),
                To = table.Column<string>(maxLength: 320, nullable: false),
                Subject = table.Column<string>(maxLength: 500, nullable: false),
                Body = table.Column<string>(nullable: false),
                AttachmentName = table.Column<string>(maxLength: 200, nullable: true),
                AttachmentContentType = table.Column<string>(maxLength: 100, nullable: true),
                AttachmentText = table.Column<string>(nullable: true),
                CreatedAt = table.Column<long>(nullable: false),
                NextAttemptAt = table.Column<long>(nullable: false),
                Attempts = table.Column<int>(nullable: false),
                SentAt = table.Column<long>(nullable: true),
                LastError = table.Column<string>(nullable: true),
                ClaimedBy = table.Column<string>(maxLength: 40, nullable: true),
                ClaimedUntil = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OutboxMessages", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "Meetings",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CountyId = table.Column<Guid>(nullable: false),
                BodyId = table.Column<Guid>(nullable: false),
                StartsAt = table.Column<DateTimeOffset>(nullable: false),
                EndsAt = table.Column<DateTimeOffset>(nullable: false),
                Location = table.Column<string>(maxLength: 300, nullable: false),
                IsExtra = table.Column<bool>(nullable: false),
                Status = table.Column<string>(maxLength: 40, nullable: false),
                NoticeSentAt = table.Column<DateTimeOffset>(nullable: true),
                NoticeSentBy = table.Column<string>(maxLength: 256, nullable: true),
                Sequence = table.Column<int>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Meetings", x => x.Id);
                table.ForeignKey(
                    name: "FK_Meetings_Bodies_BodyId",
                    column: x => x.BodyId,
                    principalTable: "Bodies",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "AgendaItems",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MeetingId = table.Column<Guid>(nullable: false),
                CountyId = table.Column<Guid>(nullable: false),
                Number = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: 300, nullable: false),
                CaseReference = table.Column<string>(maxLength: 50, nullable: true),
                Presenter = table.Column<string>(maxLength: 200, nullable: true),
                ProposedDecision = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AgendaItems", x => x.Id);
                table.ForeignKey(
                    name: "FK_AgendaItems_Meetings_MeetingId",
                    column: x => x.MeetingId,
                    principalTable: "Meetings",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ExtraMeetingRequests",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CountyId = table.Column<Guid>(nullable: false),
                BodyId = table.Column<Guid>(nullable: false),
                MembershipId = table.Column<Guid>(nullable: false),
                ByChair = table.Column<bool>(nullable: false),
                Reason = table.Column<string>(maxLength: 2000, nullable: false),
                RequestedAt = table.Column<DateTimeOffset>(nullable: false),
                AnsweredByMeetingId = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ExtraMeetingRequests", x => x.Id);
                table.ForeignKey(
                    name: "FK_ExtraMeetingRequests_Bodies_BodyId",
                    column: x => x.BodyId,
                    principalTable: "Bodies",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_ExtraMeetingRequests_Memberships_MembershipId",
                    column: x => x.MembershipId,
                    principalTable: "Memberships",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(
            name: "IX_AgendaItems_MeetingId_Number",
            table: "AgendaItems",
            columns: new[] { "MeetingId", "Number" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_ExtraMeetingRequests_BodyId",
            table: "ExtraMeetingRequests",
            column: "BodyId");

        migrationBuilder.CreateIndex(
            name: "IX_ExtraMeetingRequests_MembershipId",
            table: "ExtraMeetingRequests",
            column: "MembershipId");

        migrationBuilder.CreateIndex(
            name: "IX_Meetings_BodyId",
            table: "Meetings",
            column: "BodyId");

        migrationBuilder.CreateIndex(
            name: "IX_OutboxMessages_SentAt_NextAttemptAt",
            table: "OutboxMessages",
            columns: new[] { "SentAt", "NextAttemptAt" });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "ExtraMeetingRequests");
        migrationBuilder.DropTable(name: "AgendaItems");
        migrationBuilder.DropTable(name: "Meetings");
        migrationBuilder.DropTable(name: "OutboxMessages");
    }
}
