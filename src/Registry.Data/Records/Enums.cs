namespace Registry.Data.Records;

/// <summary>Loại nhiệm vụ: the kind of S&amp;T task.</summary>
public enum TaskKind
{
    /// <summary>Đề tài.</summary>
    ResearchProject,
    /// <summary>Dự án sản xuất thử nghiệm (SXTN).</summary>
    PilotProductionProject,
    /// <summary>Đề án khoa học.</summary>
    ScientificScheme,
    /// <summary>Dự án khoa học và công nghệ.</summary>
    ScienceTechnologyProject,
    /// <summary>Chương trình.</summary>
    Program,
    /// <summary>Nhiệm vụ điều tra cơ bản.</summary>
    BasicSurvey,
    Other,
}

/// <summary>Cấp quản lý: the level at which a task is managed.</summary>
public enum TaskLevel
{
    National,
    Ministerial,
    Provincial,
    /// <summary>Cấp cơ sở.</summary>
    Grassroots,
}

/// <summary>Tình trạng: where a task is in its life.</summary>
public enum TaskStatus
{
    /// <summary>Đã phê duyệt.</summary>
    Approved,
    /// <summary>Đang thực hiện.</summary>
    InProgress,
    /// <summary>Đã nghiệm thu.</summary>
    Accepted,
    /// <summary>Đã đăng ký kết quả.</summary>
    ResultsRegistered,
    /// <summary>Đã ứng dụng.</summary>
    Applied,
    /// <summary>Dừng thực hiện.</summary>
    Terminated,
}

/// <summary>Độ mật under Law 29/2018/QH14. Only <see cref="None"/> may enter the registry.</summary>
public enum SecurityClassification
{
    None,
    /// <summary>Mật.</summary>
    Confidential,
    /// <summary>Tối mật.</summary>
    Secret,
    /// <summary>Tuyệt mật.</summary>
    TopSecret,
}

/// <summary>Who may see a record: drafts are for curators, withdrawn records answer 410 Gone.</summary>
public enum Visibility
{
    Draft,
    Published,
    Withdrawn,
}

public enum OrganizationType
{
    University,
    ResearchInstitute,
    Enterprise,
    StateAgency,
    Hospital,
    Other,
}

/// <summary>Xếp loại nghiệm thu.</summary>
public enum AcceptanceRating
{
    Excellent,
    Passed,
    Failed,
}

public enum OutputType
{
    Publication,
    Patent,
    UtilitySolution,
    PlantVariety,
    Process,
    Prototype,
    Software,
    Standard,
    Dataset,
    TrainingDegree,
    PolicyRecommendation,
    Other,
}

/// <summary>The scheme of an output's identifier.</summary>
public enum OutputIdentifierType
{
    Doi,
    Isbn,
    Issn,
    /// <summary>A Vietnamese patent or utility-solution number (1-0012345, 2-0001234) or application number.</summary>
    Patent,
    Handle,
    Other,
}

/// <summary>Where a task was communicated (truyền thông): the channels the province's plan counts.</summary>
public enum CoverageKind
{
    /// <summary>Báo in, báo điện tử.</summary>
    Press,
    /// <summary>Truyền hình.</summary>
    Television,
    /// <summary>Phát thanh.</summary>
    Radio,
    /// <summary>Cổng/trang thông tin điện tử.</summary>
    Portal,
    /// <summary>Mạng xã hội.</summary>
    SocialNetwork,
    /// <summary>Sự kiện: hội thảo, triển lãm, techmart, ngày hội.</summary>
    Event,
}
