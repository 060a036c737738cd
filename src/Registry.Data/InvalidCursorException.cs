namespace Registry.Data;

/// <summary>A paging cursor that this service did not issue (or that was altered). Answer 400, not 500.</summary>
public sealed class InvalidCursorException()
    : FormatException("Con trỏ phân trang không hợp lệ: hãy dùng giá trị nextCursor của trang trước (invalid cursor: use the nextCursor of the previous page)");
