using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverkan.Web.Data.Migrations;

/// <summary>Agenda documents and their content stored once per SHA-256. Hand-written, provider-neutral.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122234000_Documents")]
public sealed class Documents : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "StoredFiles",
            columns: table => new
            {
                Hash = table.Column<string>(maxLength: 64, nullable: false),
                Content = table.Column<byte[]>(nullable: false),
                Size = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_StoredFiles", x => x.Hash);
            });

        migrationBuilder.CreateTable(
            name: "AgendaDocuments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CountyId = table.Column<Guid>(nullable: false),
                MeetingId = table.Column<Guid>(nullable: false),
                AgendaItemId = table.Column<Guid>(nullable: false),
                FileName = table.Column<string>(maxLength: 255, nullable: false),
                ContentType = table.Column<string>(maxLength: 100, nullable: false),
                Hash = table.Column<string>(maxLength: 64, nullable: false),
                Size = table.Column<long>(nullable: false),
                IsPublic = table.Column<bool>(nullable: false),
                UploadedBy = table.Column<string>(maxLength: 256, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AgendaDocuments", x => x.Id);
                table.ForeignKey(
                    name: "FK_AgendaDocuments_AgendaItems_AgendaItemId",
                    column: x => x.AgendaItemId,
                    principalTable: "AgendaItems",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_AgendaDocuments_StoredFiles_Hash",
                    column: x => x.Hash,
                    principalTable: "StoredFiles",
                    principalColumn: "Hash",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(
            name: "IX_AgendaDocuments_AgendaItemId",
            table: "AgendaDocuments",
            column: "AgendaItemId");

        migrationBuilder.CreateIndex(
            name: "IX_AgendaDocuments_Hash",
            table: "AgendaDocuments",
            column: "Hash");

        migrationBuilder.CreateIndex(
            name: "IX_AgendaDocuments_MeetingId",
            table: "AgendaDocuments",
            column: "MeetingId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "AgendaDocuments");
        migrationBuilder.DropTable(name: "StoredFiles");
    }
}
