using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverkan.Web.Data.Migrations;

/// <summary>Calendar subscriptions with secret tokens, per body and per person. Hand-written, provider-neutral.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122220000_CalendarFeeds")]
public sealed class CalendarFeeds : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "CalendarFeeds",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CountyId = table.Column<Guid>(nullable: false),
                BodyId = table.Column<Guid>(nullable: true),
                PersonId = table.Column<Guid>(nullable: true),
                Token = table.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CalendarFeeds", x => x.Id);
            });

        migrationBuilder.CreateIndex(
            name: "IX_CalendarFeeds_Token",
            table: "CalendarFeeds",
            column: "Token",
            unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "CalendarFeeds");
    }
}
