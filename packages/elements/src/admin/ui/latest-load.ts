/**
 * Numbers a screen's loads so only the latest one's answer is shown: a filter applied while an
 * earlier list is still loading must not be overwritten by that earlier answer when it lands.
 * `start()` answers a check that stays true until the next `start()`.
 */
export class LatestLoad {
  private generation = 0;

  start(): () => boolean {
    const mine = ++this.generation;
    return () => mine === this.generation;
  }
}
