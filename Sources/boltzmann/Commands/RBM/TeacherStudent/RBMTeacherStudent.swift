import ArgumentParser

/// `boltzmann rbm teacher-student …`: the RBM teacher–student problem of arXiv 2410.16150
/// (MODELS.md §3) — replica theory, critical load and Monte Carlo simulation.
struct RBMTeacherStudent: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "teacher-student",
        abstract: "RBM teacher–student setting (arXiv 2410.16150): replica theory, critical load, simulation.",
        subcommands: [
            RBMTeacherStudentTheoryCommand.self,
            RBMCriticalLoadCommand.self,
            RBMTeacherStudentSimulate.self,
        ]
    )
}
