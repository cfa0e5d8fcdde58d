import ArgumentParser

/// `boltzmann rbm …`: restricted Boltzmann machines, trained on data and in the teacher–student
/// setting of arXiv 2410.16150.
struct RBM: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rbm",
        abstract: "Train, evaluate and sample restricted Boltzmann machines; RBM teacher–student theory and simulation.",
        subcommands: [
            // train, evaluate, sample (rbm-cli work) and teacher-student (rbm theory / simulation work)
            RBMTrain.self, RBMEvaluate.self, RBMSample.self,
            RBMTeacherStudent.self,
        ]
    )
}
