import { generalizedQuadraticForm } from './symmetric-solve';

describe('generalizedQuadraticForm', () => {
  it("equals u' V⁻¹ u for a positive definite V", () => {
    // V = [[4, 2], [2, 3]], V⁻¹ = [[3, -2], [-2, 4]] / 8; u = (1, 2): (3 - 8 + 16) / 8 = 11/8.
    expect(
      generalizedQuadraticForm(
        [
          [4, 2],
          [2, 3],
        ],
        [1, 2],
      ),
    ).toEqual({ value: expect.closeTo(11 / 8, 14), rank: 2 });
  });

  it('uses a generalized inverse when V is singular', () => {
    // V = [[1, 1], [1, 1]] has rank 1; u = V · (1, 0) so u' V⁻ u = (1, 0) V (1, 0)' = 1 for any V⁻.
    expect(
      generalizedQuadraticForm(
        [
          [1, 1],
          [1, 1],
        ],
        [1, 1],
      ),
    ).toEqual({ value: expect.closeTo(1, 14), rank: 1 });
  });

  it('gives rank 0 for a zero or empty matrix', () => {
    expect(generalizedQuadraticForm([[0]], [0])).toEqual({ value: 0, rank: 0 });
    expect(generalizedQuadraticForm([], [])).toEqual({ value: 0, rank: 0 });
  });

  it('rejects mismatched shapes', () => {
    expect(() => generalizedQuadraticForm([[1, 0]], [1])).toThrow(RangeError);
  });
});
