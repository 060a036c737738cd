namespace Registry.Api.Cli;

internal static class CliHelp
{
    public const string Text = """
        Registry — cơ sở dữ liệu nhiệm vụ KH&CN (S&T task registry)

        Không có tham số: chạy dịch vụ web (no arguments: run the web service).

        Lệnh (verbs):
          import FILE [--dry-run] [--skip-invalid]
              Nhập nhiệm vụ từ tệp .jsonl/.ndjson, .csv hoặc .xlsx (import tasks from a file).
              --dry-run       kiểm tra, không ghi gì (check only, write nothing)
              --skip-invalid  bỏ qua dòng lỗi, ghi các dòng hợp lệ (skip bad rows, keep the good ones)
              Mã thoát (exit code): 0 xong (done), 1 bị từ chối (rejected), 2 sai cú pháp (usage).
          apikey create --role curator|admin --name NAME
              Tạo khóa API; khóa chỉ hiện một lần (create an API key; it is shown once).
          apikey revoke NAME
              Thu hồi khóa (revoke a key).
          apikey list
              Liệt kê khóa, không hiện giá trị khóa (list keys, never their values).
          reindex
              Dựng lại chỉ mục tìm kiếm từ các nhiệm vụ đã công bố (rebuild the search index from the published tasks);
              dừng dịch vụ web trước khi chạy (stop the web service first: the embedded index has one writer).
          healthcheck [URL]
              Hỏi dịch vụ đang chạy có khỏe không; mã thoát 0 khi trả 2xx (ask a running service whether it is healthy;
              exit 0 on 2xx, 1 otherwise). Mặc định (default): http://127.0.0.1:$ASPNETCORE_HTTP_PORTS/health/live.
          help
              Hướng dẫn này (this help).

        Cấu hình giống dịch vụ web (same configuration as the web service): appsettings.json, biến môi trường
        như Registry__DataDirectory=/srv/registry, hoặc tham số --Registry:DataDirectory=/srv/registry.

        """;
}
