import BoltzmannCore
import BoltzmannModels
import BoltzmannTheory
import Foundation
import Testing

@Suite("Scenario validation and control parameters")
struct ScenarioTests {
    @Test("bad parameters throw BoltzmannError")
    func badParameters() {
        #expect(throws: BoltzmannError.self) { try DenseTeacherStudent.direct(p: 1, alpha: 1, temperature: 1) }
        #expect(throws: BoltzmannError.self) { try DenseTeacherStudent.direct(p: 3, alpha: 0, temperature: 1) }
        #expect(throws: BoltzmannError.self) { try DenseTeacherStudent.direct(p: 3, alpha: -2, temperature: 1) }
        #expect(throws: BoltzmannError.self) { try DenseTeacherStudent.direct(p: 3, alpha: .nan, temperature: 1) }
        #expect(throws: BoltzmannError.self) { try DenseTeacherStudent.direct(p: 3, alpha: 1, temperature: -0.1) }
        #expect(throws: BoltzmannError.self) { try DenseTeacherStudent.direct(p: 3, alpha: 1, temperature: .infinity) }
        #expect(throws: BoltzmannError.self) { try DenseTeacherStudent.form(named: "hopfieldish") }
        #expect(throws: BoltzmannError.self) {
            try DenseTeacherStudent.direct(p: 3, alpha: 1, temperature: 1, form: .krotov(.power))
        }
        #expect(throws: BoltzmannError.self) {
            try DenseTeacherStudent(p: 2, teacherP: 2, alpha: 1, temperature: 1, teacherTemperature: 1)
        }
        #expect(throws: BoltzmannError.self) {
            try DenseTeacherStudent(p: 3, teacherP: 2, alpha: 1, temperature: 1, pairwiseRegime: .largeNoise)
        }
        #expect(throws: BoltzmannError.self) {
            try DenseTeacherStudent(p: 4, teacherP: 2, alpha: 1, temperature: 1, teacherTemperature: 1.5,
                                    pairwiseRegime: .finiteNoise)
        }
        #expect(throws: BoltzmannError.self) {
            try DenseTeacherStudent(p: 4, teacherP: 2, alpha: 1, temperature: 1)
        }
        #expect(throws: BoltzmannError.self) {
            try DenseTeacherStudent(p: 4, teacherP: 3, alpha: 1, temperature: 1, teacherTemperature: 1)
        }
        #expect(throws: BoltzmannError.self) {
            try DenseTeacherStudent(p: 3, teacherP: 3, alpha: 1, temperature: 1)
        }
        #expect(throws: BoltzmannError.self) {
            try DenseTeacherStudent(p: 3, alpha: 1, temperature: 1, teacherTemperature: 1)
        }
        #expect(throws: BoltzmannError.self) {
            try DenseTeacherStudent(p: 3, teacherP: 4, alpha: 1, temperature: 1, nishimori: true)
        }
        #expect(throws: BoltzmannError.self) {
            try DenseTeacherStudent(p: 3, alpha: 1, temperature: 1, teacherTemperature: 2, nishimori: true)
        }
    }

    @Test("form names parse")
    func formNames() throws {
        #expect(try DenseTeacherStudent.form(named: "Gardner") == .gardner)
        #expect(try DenseTeacherStudent.form(named: "krotov") == .krotov(.power))
        #expect(try DenseTeacherStudent.form(named: "krotov-rectified") == .krotov(.rectifiedPower))
        // p = 2 Krotov x² equals Gardner up to a constant and is accepted.
        #expect(throws: Never.self) {
            try DenseTeacherStudent.direct(p: 2, alpha: 0.1, temperature: 1, form: .krotov(.power))
        }
    }

    @Test("control parameters follow MODELS.md's table")
    func controlParameters() throws {
        let direct = try DenseTeacherStudent.direct(p: 3, alpha: 0.8, temperature: 2).controlParameters()
        #expect(direct == RSControlParameters(p: 3, c: 0.2, cStar: 0, beta: 0.5, hasTeacher: false))
        let nishimori = try DenseTeacherStudent.nishimoriLine(p: 4, alpha: 0.8, temperature: 2)
        #expect(nishimori.teacherTemperature == 2 && nishimori.teacherP == 4)
        #expect(try nishimori.controlParameters() == RSControlParameters(p: 4, c: 0.2, cStar: 0.2, beta: 0.5, hasTeacher: true))
        let off = try DenseTeacherStudent(p: 3, teacherP: 3, alpha: 0.8, temperature: 2, teacherTemperature: 4)
        #expect(try off.controlParameters().cStar == 0.1)
        let random = try DenseTeacherStudent(p: 3, teacherP: 3, alpha: 0.8, temperature: 2, teacherTemperature: .infinity)
        #expect(try random.controlParameters().cStar == 0)
        let large = try DenseTeacherStudent(p: 4, teacherP: 2, alpha: 0.8, temperature: 2, pairwiseRegime: .largeNoise)
        #expect(try large.controlParameters() == RSControlParameters(p: 4, c: 0.2, cStar: 0.2, beta: 0.5, hasTeacher: true))
        let finite = try DenseTeacherStudent(p: 4, teacherP: 2, alpha: 0.8, temperature: 2, teacherTemperature: 4,
                                             pairwiseRegime: .finiteNoise)
        let eta = PairwiseTeacherRegime.eta(p: 4, teacherTemperature: 4)
        #expect(try finite.controlParameters() == RSControlParameters(p: 4, c: 0, cStar: 0.8 * eta * 0.5, beta: 0.5, hasTeacher: true))
        #expect(throws: BoltzmannError.self) { try DenseTeacherStudent.direct(p: 3, alpha: 1, temperature: 0).controlParameters() }
    }

    @Test("moving along the Nishimori line keeps T* = T")
    func withAlphaTemperature() throws {
        let moved = try DenseTeacherStudent.nishimoriLine(p: 3, alpha: 1, temperature: 1).with(alpha: 2, temperature: 0.7)
        #expect(moved.teacherTemperature == 0.7 && moved.alpha == 2 && moved.nishimori)
        let off = try DenseTeacherStudent(p: 3, teacherP: 3, alpha: 1, temperature: 1, teacherTemperature: 0.5)
            .with(alpha: 2, temperature: 0.7)
        #expect(off.teacherTemperature == 0.5)
    }

    @Test("scenario and order parameters round-trip through JSON")
    func codable() throws {
        let scenario = try DenseTeacherStudent(p: 4, teacherP: 2, alpha: 0.8, temperature: 2, teacherTemperature: 4,
                                               pairwiseRegime: .finiteNoise)
        let decoded = try JSONDecoder().decode(DenseTeacherStudent.self, from: JSONEncoder().encode(scenario))
        #expect(decoded == scenario)
        let solution = try RSSolver().solve(DenseTeacherStudent.nishimoriLine(p: 3, alpha: 1.5, temperature: 1))
        let state = try JSONDecoder().decode(OrderParameters.self, from: JSONEncoder().encode(solution.orderParameters))
        #expect(state == solution.orderParameters)
        #expect(Phase.allCases.map(\.rawValue) == ["gR", "lR", "eR", "SG", "P"])
    }
}
