import artifact from '../../../../models/category-classifier.json';
import { CategoryModel, type CategoryModelArtifact } from './category-model';

/** The committed category classifier (`npm run train:gate-categories` writes it), loaded once per process. */
export const COMMITTED_CATEGORY_MODEL = new CategoryModel(artifact as CategoryModelArtifact);
