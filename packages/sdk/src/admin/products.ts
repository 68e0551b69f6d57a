import type {
  AdminProduct,
  AdminProductList,
  AdminProductListQuery,
  ImageUpdate,
  ImageUploadQuery,
  ProductCreate,
  ProductUpdate,
} from '../contract/index.js';
import type { RequestOptions, Transport } from '../request.js';

/** What `admin.products.remove` answers. */
export interface DeletedProductAnswer {
  object: 'product';
  id: string;
  deleted: true;
}

/** An image file to upload: a `File` or `Blob` (its own type is used), or bytes with their media type. */
export type ImageFile = Blob | { data: ArrayBuffer | Uint8Array<ArrayBuffer>; type: string };

/** The catalogue as the console edits it: `admin.products`. */
export interface AdminProductsResource {
  /** Products in every status, searched (`q`) and filtered by status, category and stock; paged by `cursor`. */
  list(query?: AdminProductListQuery, options?: RequestOptions): Promise<AdminProductList>;
  /** One product in any status, by id or handle. */
  get(idOrHandle: string, options?: RequestOptions): Promise<AdminProduct>;
  create(product: ProductCreate, options?: RequestOptions): Promise<AdminProduct>;
  /** Changes the fields given; `variants`, when given, replaces them (matched by SKU). */
  update(idOrHandle: string, patch: ProductUpdate, options?: RequestOptions): Promise<AdminProduct>;
  remove(idOrHandle: string, options?: RequestOptions): Promise<DeletedProductAnswer>;
  /** Uploads an image (JPEG, PNG, WebP, GIF or AVIF) and adds it to the product; answers the product. */
  uploadImage(
    idOrHandle: string,
    file: ImageFile,
    query?: ImageUploadQuery,
    options?: RequestOptions,
  ): Promise<AdminProduct>;
  /** Changes an image's alt text and/or moves it (position 0 is the main image). */
  updateImage(idOrHandle: string, imageId: string, patch: ImageUpdate, options?: RequestOptions): Promise<AdminProduct>;
  removeImage(idOrHandle: string, imageId: string, options?: RequestOptions): Promise<AdminProduct>;
}

const path = (idOrHandle: string) => `/admin/products/${encodeURIComponent(idOrHandle)}`;

export function createAdminProductsResource(send: Transport): AdminProductsResource {
  return {
    list: (query = {}, options = {}) =>
      send<AdminProductList>({ method: 'GET', path: '/admin/products', query, ...options }),
    get: (idOrHandle, options = {}) => send<AdminProduct>({ method: 'GET', path: path(idOrHandle), ...options }),
    create: (product, options = {}) =>
      send<AdminProduct>({ method: 'POST', path: '/admin/products', body: product, ...options }),
    update: (idOrHandle, patch, options = {}) =>
      send<AdminProduct>({ method: 'PATCH', path: path(idOrHandle), body: patch, ...options }),
    remove: (idOrHandle, options = {}) =>
      send<DeletedProductAnswer>({ method: 'DELETE', path: path(idOrHandle), ...options }),
    uploadImage: (idOrHandle, file, query = {}, options = {}) =>
      send<AdminProduct>({
        method: 'POST',
        path: `${path(idOrHandle)}/images`,
        query,
        rawBody: file instanceof Blob ? { data: file, type: file.type } : file,
        ...options,
      }),
    updateImage: (idOrHandle, imageId, patch, options = {}) =>
      send<AdminProduct>({
        method: 'PATCH',
        path: `${path(idOrHandle)}/images/${encodeURIComponent(imageId)}`,
        body: patch,
        ...options,
      }),
    removeImage: (idOrHandle, imageId, options = {}) =>
      send<AdminProduct>({
        method: 'DELETE',
        path: `${path(idOrHandle)}/images/${encodeURIComponent(imageId)}`,
        ...options,
      }),
  };
}
