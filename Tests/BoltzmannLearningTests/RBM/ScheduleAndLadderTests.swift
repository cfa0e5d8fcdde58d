import BoltzmannCore
import Testing

@testable import BoltzmannLearning

extension RBMLearningTests {
    @Suite("Learning-rate schedules and β ladders")
    struct ScheduleAndLadderTests {
        @Test("Schedules give the documented rates")
        func schedules() {
            #expect(LearningRateSchedule.constant(0.1).rate(epoch: 7, epochs: 10) == 0.1)
            let linear = LearningRateSchedule.linearDecay(initial: 0.1, final: 0.01)
            #expect(linear.rate(epoch: 0, epochs: 10) == 0.1)
            #expect(abs(linear.rate(epoch: 9, epochs: 10) - 0.01) < 1e-7)
            #expect(abs(linear.rate(epoch: 3, epochs: 10) - 0.07) < 1e-7)
            #expect(abs(linear.rate(epoch: 20, epochs: 10) - 0.01) < 1e-7)
            let exponential = LearningRateSchedule.exponentialDecay(initial: 0.2, factor: 0.5)
            #expect(abs(exponential.rate(epoch: 3, epochs: 10) - 0.025) < 1e-8)
        }

        @Test("A geometric ladder has constant neighbour ratios and ends at 1")
        func geometricLadder() throws {
            let betas = try TemperatureLadder.geometric(count: 5, minimum: 0.0625).initialBetas()
            #expect(betas.count == 5)
            #expect(betas.first! == 0.0625)
            #expect(betas.last! == 1)
            for k in 1..<5 { #expect(abs(betas[k] / betas[k - 1] - 2) < 1e-5) }
        }

        @Test("Adaptation moves an inner β towards the pair that swaps too rarely")
        func adaptiveLadder() {
            let betas: [Float] = [0.2, 0.5, 1]
            // Pair (0.2, 0.5) accepts 90 %, pair (0.5, 1) only 10 %: β₂ must move up.
            let adapted = TemperatureLadder.equalisingAcceptance(betas: betas, acceptance: [0.9, 0.1], damping: 1)
            #expect(adapted[0] == 0.2 && adapted[2] == 1)
            #expect(adapted[1] > 0.6)
            // Equal rates leave the ladder where it is.
            let same = TemperatureLadder.equalisingAcceptance(betas: betas, acceptance: [0.4, 0.4], damping: 1)
            #expect(abs(same[1] - 0.5) < 1e-6)
            // Unattempted pairs leave it unchanged.
            #expect(TemperatureLadder.equalisingAcceptance(betas: betas, acceptance: [.nan, 0.3]) == betas)
        }
    }
}
