using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverkan.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OutboxFailures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "FailedAt",
                table: "OutboxMessages",
                type: "bigint",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FailedAt",
                table: "OutboxMessages");
        }
    }
}
