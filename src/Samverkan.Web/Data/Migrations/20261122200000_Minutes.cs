using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverkan.Web.Data.Migrations;

/// <summary>Minutes with their paragraphs, the parties' positions on recommendations, attendance and corrections. Hand-written, provider-neutral.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122200000_Minutes")]
public sealed class MinutesTables : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Minutes",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CountyId = table.Column<Guid>(nullable: false),
                MeetingId = table.Column<Guid>(nullable: false),
                BodyId = table.Column<Guid>(nullable: false),
                Year = table.Column<int>(nullable: false),
                Status = table.Column<string>(maxLength: 40, nullable: false),
                CheckerMembershipId = table.Column<Guid>(nullable: true),
                SignedBy = table.Column<string>(maxLength: 256, nullable: true),
                SignedAt = table.Column<DateTimeOffset>(nullable: true),
                SignedHash = table.Column<string>(maxLength: 64, nullable: true),
                CheckedBy = table.Column<string>(maxLength: 256, nullable: true),
                CheckedAt = table.Column<DateTimeOffset>(nullable: true),
                CheckedHash = table.Column<string>(maxLength: 64, nullable: true),
                DispatchedAt = table.Column<DateTimeOffset>(nullable: true),
                DispatchedTo = table.Column<string>(nullable: true),
                PublishedOn = table.Column<DateOnly>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Minutes", x => x.Id);
                table.ForeignKey(
                    name: "FK_Minutes_Meetings_MeetingId",
                    column: x => x.MeetingId,
                    principalTable: "Meetings",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Attendances",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MinutesId = table.Column<Guid>(nullable: false),
                CountyId = table.Column<Guid>(nullable: false),
                MembershipId = table.Column<Guid>(nullable: false),
                Present = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Attendances", x => x.Id);
                table.ForeignKey(
                    name: "FK_Attendances_Minutes_MinutesId",
                    column: x => x.MinutesId,
                    principalTable: "Minutes",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "MinutesCorrections",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MinutesId = table.Column<Guid>(nullable: false),
                CountyId = table.Column<Guid>(nullable: false),
                Text = table.Column<string>(nullable: false),
                By = table.Column<string>(maxLength: 256, nullable: false),
                At = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MinutesCorrections", x => x.Id);
                table.ForeignKey(
                    name: "FK_MinutesCorrections_Minutes_MinutesId",
                    column: x => x.MinutesId,
                    principalTable: "Minutes",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "MinutesItems",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MinutesId = table.Column<Guid>(nullable: false),
                CountyId = table.Column<Guid>(nullable: false),
                Paragraph = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: 300, nullable: false),
                Discussion = table.Column<string>(nullable: true),
                Decision = table.Column<string>(nullable: false),
                Kind = table.Column<string>(maxLength: 40, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MinutesItems", x => x.Id);
                table.ForeignKey(
                    name: "FK_MinutesItems_Minutes_MinutesId",
                    column: x => x.MinutesId,
                    principalTable: "Minutes",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "RecommendationPositions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MinutesItemId = table.Column<Guid>(nullable: false),
                CountyId = table.Column<Guid>(nullable: false),
                PartyId = table.Column<Guid>(nullable: false),
                Position = table.Column<string>(maxLength: 40, nullable: false),
                Note = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RecommendationPositions", x => x.Id);
                table.ForeignKey(
                    name: "FK_RecommendationPositions_MinutesItems_MinutesItemId",
                    column: x => x.MinutesItemId,
                    principalTable: "MinutesItems",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_RecommendationPositions_Parties_PartyId",
                    column: x => x.PartyId,
                    principalTable: "Parties",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(
            name: "IX_Attendances_MinutesId_MembershipId",
            table: "Attendances",
            columns: new[] { "MinutesId", "MembershipId" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Minutes_BodyId_Year",
            table: "Minutes",
            columns: new[] { "BodyId", "Year" });

        migrationBuilder.CreateIndex(
            name: "IX_Minutes_MeetingId",
            table: "Minutes",
            column: "MeetingId",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_MinutesCorrections_MinutesId",
            table: "MinutesCorrections",
            column: "MinutesId");

        migrationBuilder.CreateIndex(
            name: "IX_MinutesItems_MinutesId_Paragraph",
            table: "MinutesItems",
            columns: new[] { "MinutesId", "Paragraph" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_RecommendationPositions_MinutesItemId",
            table: "RecommendationPositions",
            column: "MinutesItemId");

        migrationBuilder.CreateIndex(
            name: "IX_RecommendationPositions_PartyId",
            table: "RecommendationPositions",
            column: "PartyId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "RecommendationPositions");
        migrationBuilder.DropTable(name: "MinutesItems");
        migrationBuilder.DropTable(name: "MinutesCorrections");
        migrationBuilder.DropTable(name: "Attendances");
        migrationBuilder.DropTable(name: "Minutes");
    }
}
